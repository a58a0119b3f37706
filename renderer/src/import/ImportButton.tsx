// The Import button: opens the system file picker and hands the chosen files on. Beside it (in
// the sidebar) "Add from the web" and a menu with Feeds and the last import's summary.
import { useRef } from 'react'
import { useImportActions } from './import-actions.ts'
import { moveMenuFocus } from '../ui/menu-keys.ts'
import { WebIcon } from '../ui/WebIcon.tsx'
import './web-import.css'
import { Icon } from '../ui/Icon.tsx'

interface Props {
  onFiles(files: File[]): void
  busy: boolean
  variant?: 'primary' | 'quiet'
}

export function ImportButton({ onFiles, busy, variant = 'primary' }: Props) {
  const input = useRef<HTMLInputElement>(null)
  const menu = useRef<HTMLDivElement>(null)
  const actions = useImportActions()
  const extras = variant === 'primary' && actions !== null
  const closeMenu = () => menu.current?.hidePopover()
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
          <button
            type="button"
            className="button button-quiet import-side"
            aria-label="Add from the web"
            aria-keyshortcuts="W"
            title="Add from the web (W)"
            onClick={() => actions.openWebImport()}
          >
            <WebIcon name="globe" size={16} />
          </button>
          <button
            type="button"
            className="button button-quiet import-side import-more"
            popoverTarget="import-menu"
            aria-haspopup="menu"
            aria-label="More ways to import"
            title="More ways to import"
          >
            <WebIcon name="chevron" size={14} />
          </button>
          <div
            ref={menu}
            id="import-menu"
            className="menu menu-start import-menu"
            popover="auto"
            role="menu"
            aria-label="Import"
            onToggle={(e) => {
              if (e.newState === 'open') moveMenuFocus(e.currentTarget, 'Home')
            }}
            onKeyDown={(e) => {
              if (moveMenuFocus(e.currentTarget, e.key)) e.preventDefault()
            }}
          >
            <button
              type="button"
              role="menuitem"
              className="menu-item"
              onClick={() => {
                closeMenu()
                input.current?.click()
              }}
            >
              <Icon name="import" size={15} />
              Import files…
            </button>
            <button
              type="button"
              role="menuitem"
              className="menu-item"
              onClick={() => {
                closeMenu()
                actions.openWebImport()
              }}
            >
              <WebIcon name="globe" size={15} />
              Add from the web…
            </button>
            <button
              type="button"
              role="menuitem"
              className="menu-item"
              onClick={() => {
                closeMenu()
                actions.openFeeds()
              }}
            >
              <WebIcon name="rss" size={15} />
              Feeds…
            </button>
            <button
              type="button"
              role="menuitem"
              className="menu-item"
              disabled={!actions.reopenLast}
              title={actions.reopenLast ? undefined : 'No import yet in this window'}
              onClick={() => {
                closeMenu()
                actions.reopenLast?.()
              }}
            >
              <Icon name="check" size={15} />
              Last import summary
            </button>
          </div>
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
