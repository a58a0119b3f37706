// Settings > Archive: which folder is open, and (in the desktop app) picking another one,
// which reopens Quire on it. The browser shell explains how to start on another folder.
import { useState } from 'react'
import type { ArchiveInfo } from '../../../shared/api.ts'
import { QuireError } from '../../../shared/errors.ts'
import { useClient } from '../api/client-context.ts'
import { errorReason } from '../api/describe-error.ts'
import { plural } from '../ui/format/article-meta.ts'
import { ReextractRow } from './ReextractRow.tsx'
import { SettingsSection } from './SettingsSection.tsx'

interface Props {
  info: ArchiveInfo | undefined
}

type Note = { kind: 'info' | 'error'; text: string } | null

export function ArchiveSection({ info }: Props) {
  const client = useClient()
  const [busy, setBusy] = useState(false)
  const [note, setNote] = useState<Note>(null)

  const change = async () => {
    setBusy(true)
    setNote(null)
    try {
      const { changed } = await client.call('app:chooseArchive', {})
      if (changed) setNote({ kind: 'info', text: 'Reopening Quire on the new folder…' })
    } catch (err) {
      const unsupported = err instanceof QuireError && err.code === 'UNSUPPORTED'
      setNote({ kind: unsupported ? 'info' : 'error', text: errorReason(err) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <SettingsSection id="settings-archive" title="Archive">
      <div className="settings-row">
        <div className="settings-row-text">
          <span className="settings-row-label">Archive folder</span>
          <span className="settings-archive-location" data-testid="settings-archive-location">
            {info ? info.location : '…'}
          </span>
          <span className="settings-row-hint" data-testid="settings-archive-name">
            {info
              ? `${info.name} · ${plural(info.articleCount, 'article')}${info.readOnly ? ' · read-only' : ''}`
              : ''}
          </span>
        </div>
        <button
          type="button"
          className="button settings-button"
          disabled={busy}
          aria-describedby={note ? 'settings-archive-note' : undefined}
          onClick={() => void change()}
        >
          Change…
        </button>
      </div>
      <ReextractRow readOnly={info?.readOnly ?? false} />
      {note && (
        <p
          id="settings-archive-note"
          className={`settings-note${note.kind === 'error' ? ' is-error' : ''}`}
          role="status"
        >
          {note.text}
        </p>
      )}
    </SettingsSection>
  )
}
