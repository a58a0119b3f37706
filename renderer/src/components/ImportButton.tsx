// The Import button: opens the system file picker and hands the chosen files on.
import { useRef } from 'react'
import { Icon } from './Icon.tsx'

interface Props {
  onFiles(files: File[]): void
  busy: boolean
  variant?: 'primary' | 'quiet'
}

export function ImportButton({ onFiles, busy, variant = 'primary' }: Props) {
  const input = useRef<HTMLInputElement>(null)
  return (
    <>
      <button
        type="button"
        className={`button button-${variant} import-button`}
        onClick={() => input.current?.click()}
        aria-busy={busy}
        aria-label={busy ? 'Importing' : 'Import files'}
        title="Import text files"
      >
        <Icon name="import" size={16} />
        <span>{busy ? 'Importing…' : 'Import'}</span>
      </button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        aria-label="Choose files to import"
        data-testid="import-input"
        onChange={(e) => {
          const files = [...(e.currentTarget.files ?? [])]
          // Clearing lets the same file be picked again (to see it reported as a duplicate).
          e.currentTarget.value = ''
          if (files.length > 0) onFiles(files)
        }}
      />
    </>
  )
}
