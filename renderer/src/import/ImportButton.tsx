// The Import button: opens the system file picker and hands the chosen files on. Beside it (in
// the sidebar) "Add from the web" and a menu with Feeds and the last import's summary.
import { useRef } from 'react'
import { useImportActions } from './import-actions.ts'
import { Menu, MenuItem } from '../ui/Menu.tsx'
import './web-import.css'
import { Icon } from '../ui/Icon.tsx'
import { Button } from '../ui/Button.tsx'

interface Props {
  onFiles(files: File[]): void
  busy: boolean
  variant?: 'primary' | 'quiet'
}

export function ImportButton({ onFiles, busy, variant = 'primary' }: Props) {
  const input = useRef<HTMLInputElement>(null)
  const actions = useImportActions()
  const extras = variant === 'primary' && actions !== null
  return (
    <div
      className={extras ? 'import-split' : 'import-single'}
      style={extras ? { anchorName: '--import-menu', '--menu-anchor': '--import-menu' } : undefined}
    >
      <button
        type="button"
        className={`button button-${variant} import-button`}
        onClick={() => input.current?.click()}
        aria-busy={busy}
        aria-label={busy ? 'Importing' : 'Import files'}
        title="Import files: text, web pages, Markdown, feeds, exports from other apps"
      >
        <Icon name="import" size={16} />
        <span>{busy ? 'Importing…' : 'Import'}</span>
      </button>
      {extras && (
        <>
          <Button
            className="import-side"
            aria-label="Add from the web"
            aria-keyshortcuts="W"
            title="Add from the web (W)"
            onClick={() => actions.openWebImport()}
          >
            <Icon name="globe" size={16} />
          </Button>
          <Menu
            id="import-menu"
            label="Import"
            className="menu-start import-menu"
            trigger={{
              className: 'button button-quiet import-side import-more',
              'aria-label': 'More ways to import',
              title: 'More ways to import',
              children: <Icon name="chevron" size={14} />,
            }}
          >
            <MenuItem icon="import" onSelect={() => input.current?.click()}>
              Import files…
            </MenuItem>
            <MenuItem icon="globe" onSelect={actions.openWebImport}>
              Add from the web…
            </MenuItem>
            <MenuItem icon="rss" onSelect={actions.openFeeds}>
              Feeds…
            </MenuItem>
            <MenuItem
              icon="check"
              disabled={!actions.reopenLast}
              title={actions.reopenLast ? undefined : 'No import yet in this window'}
              onSelect={() => actions.reopenLast?.()}
            >
              Last import summary
            </MenuItem>
          </Menu>
        </>
      )}
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
    </div>
  )
}
