// Suggestions for the search box: the tags, sources and authors of the articles outside the
// Trash, counted once and kept until the archive changes (the service says when), so each
// keystroke costs a pass over the distinct names, not over every record.
import type { Article } from '../../../shared/model.ts'
import { foldText, tokenize } from '../../../shared/search/normalize.ts'
import type { SuggestKind, Suggestion } from '../../../shared/api.ts'

interface Facet extends Suggestion {
  folded: string
  words: string[]
}

const KINDS: readonly SuggestKind[] = ['tag', 'source', 'author']

function valuesOf(a: Article, kind: SuggestKind): readonly string[] {
  if (kind === 'tag') return a.tags
  if (kind === 'source') return a.source ? [a.source] : []
  return a.authors
}

/** Every distinct tag, source and author with its count, most used first. */
export function facetsOf(records: Iterable<Article>): Facet[] {
  const counts = new Map<SuggestKind, Map<string, number>>(KINDS.map((k) => [k, new Map()]))
  for (const a of records) {
    if (a.deletedAt !== null) continue
    for (const kind of KINDS) {
      const m = counts.get(kind)!
      for (const v of new Set(valuesOf(a, kind))) m.set(v, (m.get(v) ?? 0) + 1)
    }
  }
  const facets: Facet[] = []
  for (const [kind, m] of counts) {
    for (const [value, count] of m)
      facets.push({ kind, value, count, folded: foldText(value), words: tokenize(value) })
  }
  return facets.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
}

/**
 * The facets matching `prefix` (case and accents ignored): those whose name begins with it
 * first, then those with a word that does; most used first within each. With several kinds,
 * no kind takes more than half the list. An empty prefix lists the most used.
 */
export function matchFacets(
  facets: readonly Facet[],
  prefix: string,
  kinds: readonly SuggestKind[],
  limit: number,
): Suggestion[] {
  const p = foldText(prefix.trim())
  const perKind = kinds.length > 1 ? Math.max(1, Math.ceil(limit / 2)) : limit
  const whole: Facet[] = []
  const inner: Facet[] = []
  for (const f of facets) {
    if (!kinds.includes(f.kind)) continue
    if (f.folded.startsWith(p)) whole.push(f)
    else if (p && f.words.some((w) => w.startsWith(p))) inner.push(f)
  }
  const taken = new Map<SuggestKind, number>()
  const out: Suggestion[] = []
  for (const f of [...whole, ...inner]) {
    if (out.length >= limit) break
    const n = taken.get(f.kind) ?? 0
    if (n >= perKind) continue
    taken.set(f.kind, n + 1)
    out.push({ kind: f.kind, value: f.value, count: f.count })
  }
  return out
}

/** The facets of an archive, counted on first use after each change. */
export class SearchSuggestions {
  readonly #records: () => Iterable<Article>
  #facets: Facet[] | null = null

  constructor(records: () => Iterable<Article>) {
    this.#records = records
  }

  /** Articles changed: count again on the next suggestion. */
  changed(): void {
    this.#facets = null
  }

  suggest(prefix: string, kinds: readonly SuggestKind[] = KINDS, limit = 8): Suggestion[] {
    this.#facets ??= facetsOf(this.#records())
    return matchFacets(this.#facets, prefix, kinds, limit)
  }
}
