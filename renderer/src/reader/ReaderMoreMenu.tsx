// The reader toolbar's "More" menu: what a narrow toolbar has no room for (edit details, export,
// move to the Trash). The layout shows it, and hides those buttons, below the toolbar's
// folding width (styles/layout.css); in a wide toolbar it is not shown at all.
import type { ArticleSummary } from '../../../shared/model.ts'
import { requestExport } from '../export/index.ts'
import { Icon } from '../ui/Icon.tsx'
import { Menu, MenuItem } from '../ui/Menu.tsx'

interface Props {
  article: ArticleSummary
  onDetails(): void
  onTrash(): void
}

export function ReaderMoreMenu({ article: a, onDetails, onTrash }: Props) {
  return (
    <div
      className="toolbar-more"
      style={{ anchorName: '--reader-more', '--menu-anchor': '--reader-more' }}
    >
      <Menu
        id="reader-more-menu"
        label="More actions"
        trigger={{
          className: 'icon-button',
          'aria-label': 'More actions',
          title: 'More actions',
          children: <Icon name="more" size={18} />,
        }}
      >
        <MenuItem icon="edit" onSelect={onDetails}>
          Edit details…
        </MenuItem>
        <MenuItem
          icon="export"
          onSelect={() =>
            requestExport({ selection: { kind: 'ids', ids: [a.id] }, label: `“${a.title}”` })
          }
        >
          Export…
        </MenuItem>
        <MenuItem icon="trash" danger onSelect={onTrash}>
          Move to Trash
        </MenuItem>
      </Menu>
    </div>
  )
}
