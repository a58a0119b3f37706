// Who a book is and which highlight a row is, across files and apps: the same book named by
// Readwise, a Kindle and KOReader, and the same highlight found again when a file is imported
// a second time (then it is updated in place, never added twice).
import { createHash } from 'node:crypto'
import type { Location } from '../../../../shared/book.ts'
import { tokenize } from '../../../../shared/search/normalize.ts'

/** A short stable digest of `parts` (the row's identity or its content). */
export function digest(parts: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 24)
}

/** A title as a key: words only, folded ("Sapiens: A Brief History…" → "sapiens a brief…"). */
export function titleKey(title: string): string {
  return tokenize(title).join(' ')
}

/**
 * The title without its subtitle or series: e-readers keep "Sapiens: A Brief History of
 * Humankind" where Readwise may have "Sapiens", and Kindle adds "(Penguin Classics)".
 */
export function mainTitleKey(title: string): string {
  const main = title.replace(/\s*[([].*$/, '').split(/\s*[:：—–]\s*|\s+-\s+/)[0] ?? title
  return titleKey(main) || titleKey(title)
}

/** The family name of the first author: "Harari, Yuval Noah" and "Yuval Noah Harari" agree. */
export function surnameKey(authors: readonly string[]): string {
  const first = authors[0]?.trim() ?? ''
  if (!first) return ''
  const comma = first.indexOf(',')
  const name = comma > 0 ? first.slice(0, comma) : first
  const words = tokenize(name)
  return (comma > 0 ? words[0] : words[words.length - 1]) ?? ''
}

/** ASIN as Amazon writes it (upper case, ten characters) or undefined. */
export function cleanAsin(raw: string | undefined): string | undefined {
  const t = raw?.trim().toUpperCase()
  return t && /^[A-Z0-9]{10}$/.test(t) ? t : undefined
}

/** ISBN-10 or ISBN-13 without hyphens or spaces, or undefined when it is not one. */
export function cleanIsbn(raw: string | undefined): string | undefined {
  const t = raw
    ?.replace(/^(urn:)?isbn:?/i, '')
    .replace(/[\s-]/g, '')
    .toUpperCase()
  return t && (/^\d{9}[\dX]$/.test(t) || /^97[89]\d{10}$/.test(t)) ? t : undefined
}

/** The location reduced to what identifies a place: its type and numbers, else its label. */
function placeOf(loc: Location | undefined): unknown[] {
  if (!loc) return []
  return [loc.type, loc.sourceType ?? '', loc.value ?? null, loc.end ?? null, loc.label ?? '']
}

/** Whitespace squashed, ends trimmed: quotes compared as a reader sees them. */
export function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim()
}

/**
 * Keys for the rows of one book, unique within it: the place and the creation date identify a
 * highlight (an edit in Readwise or KOReader keeps both); without a date, the quote does. Two
 * rows with the same identity (two highlights made in the same second at the same place) get
 * `#2`, `#3` in file order, which stays stable as long as the file keeps its order.
 */
export class RowKeys {
  readonly #seen = new Map<string, number>()
  readonly #prefix: string
  constructor(prefix: string) {
    this.#prefix = prefix
  }

  next(loc: Location | undefined, createdAt: string | undefined, quote: string): string {
    const base = digest([placeOf(loc), createdAt ?? squash(quote)])
    const n = (this.#seen.get(base) ?? 0) + 1
    this.#seen.set(base, n)
    return `${this.#prefix}:${base}${n > 1 ? `#${n}` : ''}`
  }
}
