// Where a search looks. By default everywhere but the Trash, whatever view or tag is open: a
// person searching remembers words, not where they filed the article, and the best match must
// rank first even when it sits in Archived. The view (or tag) the search started from stays one
// click away as the narrower scope, with its own count beside it. In the Trash, a search looks
// only in the Trash, which nothing else shows.
import type { LibraryView } from '../../../shared/api.ts'

export type SearchScope = 'everywhere' | 'here'

export interface Place {
  view: LibraryView
  tag?: string | undefined
}

/** True when "here" is narrower than everywhere, so the choice means something. */
export function hasNarrowerScope(place: Place): boolean {
  return place.view !== 'trash' && (place.view !== 'all' || place.tag !== undefined)
}

/** The view and tag a search with `scope` runs over, from the place it was started in. */
export function searchPlace(place: Place, scope: SearchScope): Place {
  if (scope === 'here' || !hasNarrowerScope(place)) return place
  return { view: 'all' }
}
