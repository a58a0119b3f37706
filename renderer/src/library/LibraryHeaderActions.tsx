// The library header's actions beside the title: the list's order, Export (a tag, or All
// articles) and, in the Trash, Empty Trash with its question. Search results have their own
// order and export in the search bar, so only Empty Trash stays while searching.
import type { LibraryView } from '../../../shared/api.ts'
import { ExportViewButton } from '../export/index.ts'
import { Button } from '../ui/Button.tsx'
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx'
import { plural } from '../ui/format/article-meta.ts'
import { Icon } from '../ui/Icon.tsx'
import { SortMenu } from '../ui/SortMenu.tsx'
import { LIST_SORTS, type ListSortId } from './list-sort.ts'
import { useState } from 'react'

interface Props {
  view: LibraryView
  tag: string | undefined
  searching: boolean
  listSort: ListSortId
  /** The articles in the list (the Trash's, for Empty Trash). */
  total: number
  onSort(sort: ListSortId): void
  onEmptyTrash(): void
}

export function LibraryHeaderActions({ view, tag, searching, listSort, total, ...on }: Props) {
  const [confirming, setConfirming] = useState(false)
  return (
    <>
      {!searching && (
        <SortMenu options={LIST_SORTS} sort={listSort} menuId="list-sort-menu" onSort={on.onSort} />
      )}
      {!searching && <ExportViewButton view={view} tag={tag} />}
      {view === 'trash' && !tag && total > 0 && (
        <Button variant="danger-quiet" onClick={() => setConfirming(true)}>
          <Icon name="trash" size={15} />
          <span>Empty Trash</span>
        </Button>
      )}
      <ConfirmDialog
        open={confirming}
        title="Empty the Trash?"
        message={`${plural(total, 'article')} will be deleted for good. This can’t be undone.`}
        confirmLabel="Empty Trash"
        destructive
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false)
          on.onEmptyTrash()
        }}
      />
    </>
  )
}
