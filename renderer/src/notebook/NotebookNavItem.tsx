// The library sidebar's "Notebook" entry: every highlight and note in the archive (B).
import { Icon } from '../ui/Icon.tsx'
import { useNotebookNav } from './notebook-nav.ts'

export function NotebookNavItem() {
  const nav = useNotebookNav()
  if (!nav) return null
  return (
    <ul className="nav-list">
      <li>
        <button
          type="button"
          className="nav-item"
          aria-current={nav.isOpen ? 'page' : undefined}
          aria-keyshortcuts="B"
          title="Notebook (B)"
          onClick={nav.open}
        >
          <Icon name="notes" size={17} />
          <span className="nav-label">Notebook</span>
        </button>
      </li>
    </ul>
  )
}
