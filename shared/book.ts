// Sources without a body: books (and articles) known only by their title, authors and
// identifiers, whose highlights come from an e-reader or Readwise anchored by a location
// (a page, a Kindle location, a chapter, a percentage) rather than by text selectors.
// Pure schemas and helpers, shared by main and the renderer.
import * as z from 'zod'

/**
 * What a record is. `article` (or absent, in records written before schema 3): a web page or
 * file, with its text or a link to fetch it. `book`: a work known by its metadata; its body is
 * empty until the full text arrives (an EPUB, a fetch), and its highlights carry locations.
 */
export const ArticleKindSchema = z.enum(['article', 'book'])
export type ArticleKind = z.infer<typeof ArticleKindSchema>

/**
 * How a source counts positions. `location`: Kindle locations; `order`: the highlight's rank
 * in the book (Readwise); `offset`: characters or bytes from the start; `time`: seconds into
 * audio; `other`: a type Quire does not know, kept by name in `sourceType`.
 */
export const LocationTypeSchema = z.enum([
  'location',
  'page',
  'chapter',
  'percent',
  'offset',
  'order',
  'time',
  'other',
])
export type LocationType = z.infer<typeof LocationTypeSchema>

export const LocationSchema = z.object({
  type: LocationTypeSchema,
  /** The position as a number, when the source gave one (page 12, location 1234, 42.5 %). */
  value: z.number().finite().nonnegative().optional(),
  /** Where the highlight ends, for ranges ("location 1234-1240"). */
  end: z.number().finite().nonnegative().optional(),
  /** The position as the source wrote it, when that is not a plain number ("xii", "12:30"). */
  label: z.string().max(500).optional(),
  /** The chapter the highlight is in, when the source says (KOReader, Kobo). */
  chapter: z.string().max(1000).optional(),
  /** A location type Quire does not know, kept verbatim for the round trip (`other`). */
  sourceType: z.string().max(100).optional(),
})
export type Location = z.infer<typeof LocationSchema>

/** Identifiers of a book or document, as its source gave them. */
export const BookIdentifiersSchema = z
  .object({
    /** Amazon's ASIN (Kindle, Readwise's "Amazon Book ID"). */
    asin: z.string().max(100),
    /** ISBN-10 or ISBN-13, digits (and a final X) only. */
    isbn: z.string().max(20),
  })
  .partial()
export type BookIdentifiers = z.infer<typeof BookIdentifiersSchema>

/**
 * A place marked in a book without a highlight: a Kindle or Kobo bookmark (dog-ear), or a
 * note whose highlight the export does not have.
 */
export const BookmarkSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{16}$/),
  createdAt: z.string(),
  location: LocationSchema,
  note: z.string().max(100_000),
  /** Stable identity in its source (see Annotation.importKey), so a re-import adds nothing. */
  importKey: z.string().max(300).optional(),
})
export type Bookmark = z.infer<typeof BookmarkSchema>

/** True for a record known only by its metadata (see ArticleKindSchema). */
export function isBook(a: { kind?: ArticleKind | undefined }): boolean {
  return a.kind === 'book'
}

/** A number as people write positions: integers plain, fractions to one decimal. */
function num(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1).replace(/\.0$/, '')
}

/** Seconds as h:mm:ss or m:ss. */
function clock(seconds: number): string {
  const s = Math.floor(seconds)
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const pad = (n: number) => String(n).padStart(2, '0')
  return h ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`
}

const NOUNS: Partial<Record<LocationType, string>> = {
  location: 'location',
  page: 'page',
  offset: 'offset',
  order: '#',
}

/**
 * The location in words, for lists and exports: "page 12", "location 1234–1240",
 * "42 %", "Chapter 3 · page 12", "1:02:03". '' when there is nothing to say.
 */
export function locationLabel(loc: Location | undefined): string {
  if (!loc) return ''
  const value = loc.label ?? (loc.value !== undefined ? num(loc.value) : '')
  const range = value && loc.end !== undefined && !loc.label ? `${value}–${num(loc.end)}` : value
  let where = ''
  if (range) {
    if (loc.type === 'percent') where = `${range} %`
    else if (loc.type === 'time')
      where = loc.value !== undefined && !loc.label ? clock(loc.value) : range
    else if (loc.type === 'order') where = `#${range}`
    else if (loc.type === 'chapter') where = range
    else if (loc.type === 'other') where = `${loc.sourceType ?? ''} ${range}`.trim()
    else where = `${NOUNS[loc.type] ?? loc.type} ${range}`
  }
  return [loc.chapter, where].filter(Boolean).join(' · ')
}

/**
 * Locations in reading order (for `sort`). Positions of one type compare by value; those
 * without a value go last, in their order. Types do not compare with each other (page 31 is
 * not before location 112), so a book with mixed types (rare) sorts by type first (TYPE_RANK).
 */
export function compareLocations(a: Location | undefined, b: Location | undefined): number {
  const x = locationOrder(a)
  const y = locationOrder(b)
  if (x === Number.POSITIVE_INFINITY || y === Number.POSITIVE_INFINITY) {
    return x === y ? 0 : x < y ? -1 : 1
  }
  const byType = typeRank(a!) - typeRank(b!)
  return byType || (x === y ? 0 : x < y ? -1 : 1)
}

/** The place's value for sorting; infinity when it has none (sorted last). */
export function locationOrder(loc: Location | undefined): number {
  if (!loc || loc.value === undefined) return Number.POSITIVE_INFINITY
  return loc.value
}

/** Mixed types in one book: Readwise's order first, then the e-readers' places. */
const TYPE_RANK: readonly LocationType[] = [
  'order',
  'location',
  'page',
  'chapter',
  'percent',
  'offset',
  'time',
  'other',
]

function typeRank(loc: Location): number {
  return TYPE_RANK.indexOf(loc.type)
}

/** Our location types -> the names Readwise's CSV uses in its `Location Type` column. */
export const READWISE_TYPE_NAMES: Record<LocationType, string> = {
  location: 'location',
  page: 'page',
  chapter: 'chapter',
  percent: 'percent',
  offset: 'offset',
  order: 'order',
  time: 'time_offset',
  other: 'other',
}

/**
 * A location as a CSV cell and its type, the inverse of the importers' parser: "1234-1240"
 * and "location", "xii" and "page", "42.5" and "percent". Empty strings when there is none.
 */
export function locationCells(loc: Location | undefined): { type: string; value: string } {
  if (!loc) return { type: '', value: '' }
  const type = loc.type === 'other' ? (loc.sourceType ?? 'other') : READWISE_TYPE_NAMES[loc.type]
  const value =
    loc.label ??
    (loc.value === undefined ? '' : `${loc.value}${loc.end !== undefined ? `-${loc.end}` : ''}`)
  return { type, value }
}
