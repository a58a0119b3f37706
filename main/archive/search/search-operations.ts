// Search as archive operations: ranked full-text search with the query language of
// shared/search, the library list when the index serves it, the saved searches kept in
// quire.json; and the search box's suggestions. The service owns the index slot (the worker
// and the suggestions' counts) and passes it in.
import type { z } from 'zod'
import type {
  ArticlePage,
  ListQuerySchema,
  SearchInputSchema,
  SearchResults,
  SuggestInputSchema,
  Suggestion,
} from '../../../shared/api.ts'
import { QuireError } from '../../../shared/errors.ts'
import { toSummary } from '../../../shared/library-view.ts'
import type { ArticleSummary, SavedSearch } from '../../../shared/model.ts'
import { emptyQuery, isEmptyQuery } from '../../../shared/search/query.ts'
import type { ArchiveCore } from '../core/archive-core.ts'
import type { ArchiveSearch } from './archive-search.ts'
import { parseQueryOrThrow, upsertSavedSearch, type SavedSearchInput } from './saved-searches.ts'
import type { IndexSlot } from './index-slot.ts'

export type SuggestQuery = z.output<typeof SuggestInputSchema>
export type { Suggestion }

/** Tags, sources and authors whose name, or a word of it, begins with what is being typed. */
export async function suggest(slot: IndexSlot, input: SuggestQuery): Promise<Suggestion[]> {
  return slot.suggestions.suggest(input.prefix, input.kinds, input.limit)
}

/**
 * Ranked full-text search; starts the index (`startIndex`) once the query parses, and waits
 * for it to be in step with the catalog.
 */
export async function search(
  core: ArchiveCore,
  startIndex: () => ArchiveSearch,
  input: z.output<typeof SearchInputSchema>,
): Promise<SearchResults> {
  const query = parseQueryOrThrow(input.query)
  const engine = startIndex()
  await engine.whenReady()
  if (engine.status.state === 'failed') {
    throw new QuireError('IO', `The search index could not be built: ${engine.status.message}`)
  }
  const sort = input.sort === 'relevance' && isEmptyQuery(query) ? 'imported' : input.sort
  const page = await engine.search(query, input.view, sort, input.order, input.offset, input.limit)
  const items = summaries(core, page.ids).map((a) =>
    page.snippets[a.id] ? { ...a, snippet: page.snippets[a.id]!.replace(/\s+/g, ' ') } : a,
  )
  return {
    items,
    total: page.total,
    offset: input.offset,
    ...(page.newestFirst ? { orderedBy: 'newest' as const } : {}),
  }
}

/** A page of the library (view, tag and status filters) served by a ready index. */
export async function listFromIndex(
  core: ArchiveCore,
  engine: ArchiveSearch,
  query: z.output<typeof ListQuerySchema>,
): Promise<ArticlePage> {
  const q = emptyQuery()
  if (query.tag) q.tags.push(query.tag)
  if (query.status) q.is[query.status] = true
  const page = await engine.search(
    q,
    query.view,
    query.sort,
    query.order,
    query.offset,
    query.limit,
  )
  return { items: summaries(core, page.ids), total: page.total, offset: query.offset }
}

export async function savedSearches(core: ArchiveCore): Promise<SavedSearch[]> {
  return core.store.manifest.data.savedSearches
}

/** Save (or, with an id, update) a named search; refuses a query that does not parse. */
export async function saveSearch(core: ArchiveCore, input: SavedSearchInput): Promise<SavedSearch> {
  parseQueryOrThrow(input.query)
  return core.write(async () => {
    const manifest = core.store.manifest
    const next = upsertSavedSearch(manifest.data.savedSearches, input, new Date().toISOString())
    manifest.data.savedSearches = next.list
    await manifest.write()
    return next.saved
  })
}

export async function deleteSearch(core: ArchiveCore, id: string): Promise<{ count: number }> {
  return core.write(async () => {
    const list = core.store.manifest.data.savedSearches
    const kept = list.filter((s) => s.id !== id)
    if (kept.length === list.length) return { count: 0 }
    core.store.manifest.data.savedSearches = kept
    await core.store.manifest.write()
    return { count: 1 }
  })
}

/** The summaries of the index's hits, in its order; ids no longer in the catalog are left out. */
function summaries(core: ArchiveCore, ids: string[]): ArticleSummary[] {
  return ids.flatMap((id) => {
    const a = core.store.catalog.get(id)
    return a ? [toSummary(a)] : []
  })
}
