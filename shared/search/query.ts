// The typed search query: what parseQuery produces, formatQuery prints, and matchesQuery and
// the full-text index evaluate. The schema documents the meaning of every part.
import * as z from 'zod'
import { HighlightColorSchema, TagNameSchema } from '../model.ts'
import { isPhraseText, isToken } from './normalize.ts'

/** `is:` flags: the read status (unread, reading, read) and the user's marks. */
export const STATUS_FLAGS = [
  'unread',
  'reading',
  'read',
  'favorite',
  'archived',
  'annotated',
] as const
export type StatusFlag = (typeof STATUS_FLAGS)[number]

/** `has:` flags. */
export const HAS_FLAGS = ['notes', 'highlights'] as const
export type HasFlag = (typeof HAS_FLAGS)[number]

export const HIGHLIGHT_COLORS = HighlightColorSchema.options
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number]

/** Every `name:` the language knows, in the order formatQuery prints them. */
export const FILTER_NAMES = [
  'tag',
  'is',
  'source',
  'author',
  'url',
  'lang',
  'after',
  'before',
  'words',
  'has',
  'color',
] as const
export type FilterName = (typeof FILTER_NAMES)[number]

/** The filters that take a leading `-`. */
export const NEGATABLE_FILTERS: readonly FilterName[] = ['tag', 'is', 'has']

/** Word counts above this are refused, so every bound stays a safe integer. */
export const MAX_WORD_COUNT = 1_000_000_000

/**
 * A word: one folded token (see normalize.ts). With `prefix` it matches any token that starts
 * with it (`rafa` matches "Rafah"); without, only the identical token. Bare words are
 * prefixes; a quoted single word (`"rafah"`) is exact.
 */
export const WordTermSchema = z.object({
  kind: z.literal('word'),
  text: z.string().refine(isToken, 'a word is one lower-case token without diacritics'),
  prefix: z.boolean(),
})

/**
 * A phrase: two or more folded tokens joined by single spaces. It matches when the same tokens
 * occur consecutively, whole (no prefixes), in one field; punctuation between them is ignored.
 */
export const PhraseTermSchema = z.object({
  kind: z.literal('phrase'),
  text: z.string().refine(isPhraseText, 'a phrase is two or more tokens joined by spaces'),
})

export const TermSchema = z.discriminatedUnion('kind', [WordTermSchema, PhraseTermSchema])
export type Term = z.infer<typeof TermSchema>

/** One or more terms joined by OR: the clause holds when any of them matches. */
export const ClauseSchema = z.array(TermSchema).min(1)
export type Clause = z.infer<typeof ClauseSchema>

/** A filter value as typed, trimmed; `"` cannot be written inside a value. */
const FilterTextSchema = z
  .string()
  .min(1)
  .refine((s) => s.trim() === s && !s.includes('"'), 'a filter value is trimmed and has no "')

const TagValueSchema = TagNameSchema.pipe(FilterTextSchema)

/** A language code, lower-cased: `en`, `pt-br`. */
export const LangSchema = z.string().regex(/^[a-z]{2,3}(-[a-z0-9]{1,8})*$/, 'not a language code')

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s)
  if (!m) return false
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
}

export function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0
}

const IsoDateSchema = z.string().refine(isIsoDate, 'not a YYYY-MM-DD date')
const CountSchema = z.number().int().nonnegative().max(MAX_WORD_COUNT)

/** Optional booleans: true requires the flag, false (written `-is:x`) requires its absence. */
const flagsSchema = <T extends string>(flags: readonly T[]) =>
  z
    .object(
      Object.fromEntries(flags.map((f) => [f, z.boolean().optional()])) as {
        [K in T]: z.ZodOptional<z.ZodBoolean>
      },
    )
    .strict()

/**
 * A parsed search. An article matches when every part holds (see matcher.ts for the exact
 * rules). Empty arrays and objects mean "no constraint", so the empty query matches all.
 *
 * - terms: AND of clauses; each clause is an OR of words and phrases.
 * - exclude: `-word` / `-"phrase"`; the article must match none of them.
 * - tags: `tag:x`, each one required (AND); `region` also matches `region/gaza`.
 * - excludeTags: `-tag:x`; the article carries none of them (nor their descendants).
 * - is: `is:x` true / `-is:x` false (unread, reading, read, favorite, archived, annotated).
 * - source, author, url, lang: repeats are alternatives (`source:a source:b` is a OR b).
 * - after / before: a YYYY-MM-DD bound on the article's day (published, else imported).
 *   `after` is inclusive (day >= after) and `before` exclusive (day < before). A partial date
 *   names the first day of its period: after:2024 = '2024-01-01', before:2024-06 =
 *   '2024-06-01', so `after:2024 before:2025` is the whole of 2024.
 * - words: inclusive word-count bounds (`words:>500` is min 501, `words:<300` max 299).
 * - has: notes / highlights, true or (`-has:x`) false.
 * - colors: `color:x`, each colour required among the article's highlights (AND).
 */
export const QuerySchema = z
  .object({
    terms: z.array(ClauseSchema),
    exclude: z.array(TermSchema),
    tags: z.array(TagValueSchema),
    excludeTags: z.array(TagValueSchema),
    is: flagsSchema(STATUS_FLAGS),
    source: z.array(FilterTextSchema),
    author: z.array(FilterTextSchema),
    url: z.array(FilterTextSchema),
    lang: z.array(LangSchema),
    after: IsoDateSchema.optional(),
    before: IsoDateSchema.optional(),
    words: z
      .object({ min: CountSchema.optional(), max: CountSchema.optional() })
      .strict()
      .refine((w) => w.min === undefined || w.max === undefined || w.min <= w.max, {
        message: 'words.min is above words.max',
      }),
    has: flagsSchema(HAS_FLAGS),
    colors: z.array(HighlightColorSchema),
  })
  .strict()
export type Query = z.infer<typeof QuerySchema>

/** A query with no constraints: it matches every article. */
export function emptyQuery(): Query {
  return {
    terms: [],
    exclude: [],
    tags: [],
    excludeTags: [],
    is: {},
    source: [],
    author: [],
    url: [],
    lang: [],
    words: {},
    has: {},
    colors: [],
  }
}

/** True when the query constrains nothing (whitespace-only input parses to this). */
export function isEmptyQuery(query: Query): boolean {
  return Object.values(query).every((value) => {
    if (value === undefined) return true
    if (Array.isArray(value)) return value.length === 0
    if (typeof value === 'object') return Object.values(value).every((v) => v === undefined)
    return false
  })
}
