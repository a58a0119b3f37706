// The reader toolbar's Versions menu, shown when an article was fetched again: the current
// body and each earlier one, newest first, with when it was replaced.
import { useRef } from 'react'
import type { ArticleVersion } from '../../../../shared/model.ts'
import { Icon } from '../../ui/Icon.tsx'
import { wordCount } from '../../ui/format/article-meta.ts'
import { moveMenuFocus } from '../../ui/menu-keys.ts'
import { WebIcon } from '../../ui/WebIcon.tsx'
import { formatReplacedAt } from './version-text.ts'
import './versions.css'

interface Props {
  versions: readonly ArticleVersion[]
  /** The version on screen; undefined for the current body. */
  shown: number | undefined
  currentWords: number
  onShow(n: number): void
  onCurrent(): void
}

export function VersionsMenu({ versions, shown, currentWords, onShow, onCurrent }: Props) {
  const menu = useRef<HTMLDivElement>(null)
  if (versions.length === 0) return null
  const newestFirst = [...versions].sort((a, b) => b.n - a.n)
  const pick = (run: () => void) => () => {
    menu.current?.hidePopover()
    run()
  }
  return (
    <div
      className="versions-anchor"
      style={{ anchorName: '--versions-menu', '--menu-anchor': '--versions-menu' }}
    >
      <button
        type="button"
        className="icon-button versions-button"
        popoverTarget="versions-menu"
        aria-haspopup="menu"
        aria-label={`Versions (${versions.length + 1})`}
        aria-pressed={shown !== undefined}
        title="Earlier versions of this article"
      >
        <WebIcon name="history" size={18} />
      </button>
      <div
        ref={menu}
        id="versions-menu"
        className="menu versions-menu"
        popover="auto"
        role="menu"
        aria-label="Versions"
        onToggle={(e) => {
          if (e.newState !== 'open') return
          const checked = e.currentTarget.querySelector<HTMLElement>('[aria-checked="true"]')
          if (checked) checked.focus()
          else moveMenuFocus(e.currentTarget, 'Home')
        }}
        onKeyDown={(e) => {
          if (moveMenuFocus(e.currentTarget, e.key)) e.preventDefault()
        }}
      >
        <button
          type="button"
          role="menuitemradio"
          aria-checked={shown === undefined}
          className="menu-item versions-item"
          onClick={pick(onCurrent)}
        >
          <Icon name="tick" size={15} className="menu-item-check" />
          <span className="versions-item-text">
            <span>Current version</span>
            <small>{wordCount(currentWords)}</small>
          </span>
        </button>
        {newestFirst.map((v) => (
          <button
            key={v.n}
            type="button"
            role="menuitemradio"
            aria-checked={shown === v.n}
            className="menu-item versions-item"
            onClick={pick(() => onShow(v.n))}
          >
            <Icon name="tick" size={15} className="menu-item-check" />
            <span className="versions-item-text">
              <span>Replaced {formatReplacedAt(v.replacedAt)}</span>
              <small>
                {v.title} · {wordCount(v.wordCount)}
              </small>
            </span>
          </button>
        ))}
      </div>
    </div>
  )
}
