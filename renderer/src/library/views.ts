// The library's views, their labels and what each says when it is empty.
import type { LibraryView } from '../../../shared/api.ts'

export interface ViewInfo {
  id: LibraryView
  label: string
  empty: { title: string; hint: string }
}

export const VIEWS: readonly ViewInfo[] = [
  {
    id: 'inbox',
    label: 'Inbox',
    empty: {
      title: 'Your inbox is clear',
      hint: 'New imports land here. Archived articles are under Archived.',
    },
  },
  {
    id: 'all',
    label: 'All articles',
    empty: {
      title: 'No articles yet',
      hint: 'Drop files here, press Import, or add pages from the web (W).',
    },
  },
  {
    id: 'favorites',
    label: 'Favourites',
    empty: { title: 'No favourites yet', hint: 'Star an article in the reader to keep it here.' },
  },
  {
    id: 'books',
    label: 'Books',
    empty: {
      title: 'No books yet',
      hint: 'Import highlights from Readwise, a Kindle’s My Clippings.txt, KOReader or Kobo. Apple Books and Google Play Books give no file: send their highlights to Readwise and import its export.',
    },
  },
  {
    id: 'archived',
    label: 'Archived',
    empty: { title: 'Nothing archived', hint: 'Archive an article when you are done with it.' },
  },
  {
    id: 'trash',
    label: 'Trash',
    empty: {
      title: 'The Trash is empty',
      hint: 'Articles you delete wait here until you empty it.',
    },
  },
]

export function viewInfo(id: LibraryView): ViewInfo {
  return VIEWS.find((v) => v.id === id) ?? VIEWS[0]!
}
