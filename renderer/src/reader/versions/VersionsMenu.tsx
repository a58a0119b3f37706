// The reader toolbar's Versions menu, shown when an article was fetched again: the current
// body and each earlier one, newest first, with when it was replaced.
import type { ArticleVersion } from '../../../../shared/model.ts'
import { wordCount } from '../../ui/format/article-meta.ts'
import { Menu, MenuItemRadio } from '../../ui/Menu.tsx'
import { Icon } from '../../ui/Icon.tsx'
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
  if (versions.length === 0) return null
  const newestFirst = [...versions].sort((a, b) => b.n - a.n)
  return (
    <div
      className="versions-anchor"
      style={{ anchorName: '--versions-menu', '--menu-anchor': '--versions-menu' }}
    >
      <Menu
        id="versions-menu"
        label="Versions"
        className="versions-menu"
        trigger={{
          className: 'icon-button versions-button',
          'aria-label': `Versions (${versions.length + 1})`,
          'aria-pressed': shown !== undefined,
          title: 'Earlier versions of this article',
          children: <Icon name="history" size={18} />,
        }}
      >
        <MenuItemRadio checked={shown === undefined} className="versions-item" onSelect={onCurrent}>
          <span className="versions-item-text">
            <span>Current version</span>
            <small>{wordCount(currentWords)}</small>
          </span>
        </MenuItemRadio>
        {newestFirst.map((v) => (
          <MenuItemRadio
            key={v.n}
            checked={shown === v.n}
            className="versions-item"
            onSelect={() => onShow(v.n)}
          >
            <span className="versions-item-text">
              <span>Replaced {formatReplacedAt(v.replacedAt)}</span>
              <small>
                {v.title} · {wordCount(v.wordCount)}
              </small>
            </span>
          </MenuItemRadio>
        ))}
      </Menu>
    </div>
  )
}
