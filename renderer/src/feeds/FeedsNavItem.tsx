// The sidebar's "Feeds" entry, under the library views: opens the Feeds dialog.
import { useImportActions } from '../import/index.ts'
import { Icon } from '../ui/Icon.tsx'
import './feeds.css'

export function FeedsNavItem() {
  const actions = useImportActions()
  if (!actions) return null
  return (
    <ul className="nav-list feeds-nav">
      <li>
        <button
          type="button"
          className="nav-item"
          aria-haspopup="dialog"
          aria-keyshortcuts="Shift+F"
          title="Feeds (Shift F)"
          onClick={actions.openFeeds}
        >
          <Icon name="rss" size={17} />
          <span className="nav-label">Feeds</span>
        </button>
      </li>
    </ul>
  )
}
