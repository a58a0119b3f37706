// The reference search: whether one article matches a Query, by brute force. Its rules are
// the specification the full-text index is property-tested against, so they are exact here.
import type { ReadStatus } from '../model.ts'
import { foldText, tokenize } from './normalize.ts'
import type { Query, Term } from './query.ts'

/** What the matcher needs of an article: the record's searchable parts and its plain text. */
export type ArticleLike = {
  title: string
  subtitle?: string
  authors: string[]
  source?: string
  url?: string
  language?: string
  /** The body as plain text. */
  text: string
  tags: string[]
  status: ReadStatus
  favorite: boolean
  archived: boolean
  /**
   * A highlight not anchored in the text (a book's, known only by its quote and location)
   * is searched by its quote, which the body does not hold.
   */
  annotations: Array<{
    color: string
    note: string
    tags?: string[]
    orphaned?: boolean
    target?: { quote: { exact: string } }
  }>
  /** The article note, searched like annotation notes. */
  note?: string
  wordCount: number
  publishedAt?: string
  importedAt: string
}

/**
 * The searched fields, each as its own token list: title, subtitle, every author, source,
 * body, every tag, every annotation note and highlight tag, the article note. The URL is not searched as text
 * (use `url:`). Keeping fields apart means a phrase never runs from one field into the next.
 */
export function searchableFields(article: ArticleLike): string[][] {
  return [
    article.title,
    article.subtitle ?? '',
    ...article.authors,
    article.source ?? '',
    article.text,
    ...article.tags,
    ...article.annotations.map((a) => a.note),
    ...article.annotations.flatMap((a) => a.tags ?? []),
    ...article.annotations.flatMap((a) => (a.orphaned && a.target ? [a.target.quote.exact] : [])),
    article.note ?? '',
  ].map(tokenize)
}

/**
 * A word matches a token equal to its text, or, for a prefix word, a token that starts with
 * it. A phrase matches its tokens in order and adjacent within one field, each token whole.
 * Tokens are folded (normalize.ts), so both sides ignore case, diacritics and punctuation.
 */
export function termMatches(term: Term, fields: string[][]): boolean {
  if (term.kind === 'word') {
    const { text, prefix } = term
    return fields.some((tokens) => tokens.some((t) => (prefix ? t.startsWith(text) : t === text)))
  }
  const wanted = term.text.split(' ')
  return fields.some((tokens) => {
    for (let i = 0; i + wanted.length <= tokens.length; i++) {
      if (wanted.every((w, k) => tokens[i + k] === w)) return true
    }
    return false
  })
}

/** `tag:region` holds for the tag `region` and its descendants `region/…`, ignoring case. */
export function tagMatches(filter: string, tags: string[]): boolean {
  const wanted = foldText(filter)
  return tags.some((tag) => {
    const folded = foldText(tag)
    return folded === wanted || folded.startsWith(`${wanted}/`)
  })
}

/** The host of an absolute URL, lower-cased, without user info or port; '' if none. */
export function hostOf(url: string): string {
  const m = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?([^/?#:]*)/i.exec(url)
  return (m?.[1] ?? '').toLowerCase()
}

/**
 * The article's day for `after:`/`before:`: the YYYY-MM-DD a date string starts with, from
 * publishedAt, else importedAt. The day is taken as written (no time-zone shift).
 */
export function articleDay(article: ArticleLike): string | undefined {
  for (const date of [article.publishedAt, article.importedAt]) {
    const day = date === undefined ? undefined : /^\d{4}-\d{2}-\d{2}/.exec(date)?.[0]
    if (day) return day
  }
  return undefined
}

const contains = (haystack: string | undefined, needle: string) =>
  haystack !== undefined && foldText(haystack).includes(foldText(needle))

/** A list filter holds when it is empty or any of its values holds (repeats are OR). */
const anyOf = (values: string[], holds: (value: string) => boolean) =>
  values.length === 0 || values.some(holds)

function flagsHold<K extends string>(
  wanted: Partial<Record<K, boolean | undefined>>,
  actual: Record<K, boolean>,
): boolean {
  return (Object.keys(wanted) as K[]).every(
    (k) => wanted[k] === undefined || wanted[k] === actual[k],
  )
}

/**
 * True when the article satisfies every part of the query:
 * - each clause has a matching term, and no excluded term matches (see termMatches);
 * - every `tag:` holds and no `-tag:` does (see tagMatches);
 * - `is:` unread/reading/read compare the status; favorite and archived the flags; annotated
 *   means at least one annotation (the same as has:highlights);
 * - `source:` is a folded substring of the source name or of the URL's host; `author:` of
 *   any author; `url:` of the URL; `lang:` equals the language or its leading subtags
 *   (`lang:pt` holds for `pt-BR`); repeats of one of these are alternatives;
 * - `after:`/`before:` compare articleDay (day >= after, day < before); an article
 *   without a readable day fails any date bound;
 * - `words:` bounds are inclusive on wordCount;
 * - `has:notes` means a non-blank annotation note or article note; `has:highlights` at
 *   least one annotation;
 * - every `color:` appears among the annotations' colours.
 */
export function matchesQuery(article: ArticleLike, query: Query): boolean {
  const fields = searchableFields(article)
  if (!query.terms.every((clause) => clause.some((term) => termMatches(term, fields)))) return false
  if (query.exclude.some((term) => termMatches(term, fields))) return false
  if (!query.tags.every((tag) => tagMatches(tag, article.tags))) return false
  if (query.excludeTags.some((tag) => tagMatches(tag, article.tags))) return false

  const hasNotes =
    article.annotations.some((a) => a.note.trim() !== '') || (article.note ?? '').trim() !== ''
  const hasHighlights = article.annotations.length > 0
  const status = {
    unread: article.status === 'unread',
    reading: article.status === 'reading',
    read: article.status === 'read',
    favorite: article.favorite,
    archived: article.archived,
    annotated: hasHighlights,
  }
  if (!flagsHold(query.is, status)) return false
  if (!flagsHold(query.has, { notes: hasNotes, highlights: hasHighlights })) return false

  const host = article.url === undefined ? '' : hostOf(article.url)
  if (!anyOf(query.source, (v) => contains(article.source, v) || contains(host, v))) return false
  if (!anyOf(query.author, (v) => article.authors.some((a) => contains(a, v)))) return false
  if (!anyOf(query.url, (v) => contains(article.url, v))) return false
  const language = (article.language ?? '').toLowerCase()
  if (!anyOf(query.lang, (v) => language === v || language.startsWith(`${v}-`))) return false

  if (query.after !== undefined || query.before !== undefined) {
    const day = articleDay(article)
    if (day === undefined) return false
    if (query.after !== undefined && day < query.after) return false
    if (query.before !== undefined && day >= query.before) return false
  }
  const { min, max } = query.words
  if (min !== undefined && article.wordCount < min) return false
  if (max !== undefined && article.wordCount > max) return false
  return query.colors.every((color) => article.annotations.some((a) => a.color === color))
}
