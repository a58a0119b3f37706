// Small strings about an article shown in the list and the reader: who, where, how long.
import type { ArticleSummary, Dateline } from '../../../../shared/model.ts'

type Who = Pick<ArticleSummary, 'source' | 'authors' | 'dateline' | 'url'>

/** "Jane Doe and John Roe", "A, B and C". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? ''
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
}

/**
 * The list row's attribution: the source, else the agency, else the site of the address,
 * else the authors. Never the imported file's name: that is where it came from, not who.
 */
export function attribution(a: Who): string {
  return a.source || a.dateline?.agency || hostOf(a.url) || joinNames(a.authors)
}

function hostOf(url: string | undefined): string {
  try {
    return url ? new URL(url).hostname.replace(/^www\./, '') : ''
  } catch {
    return ''
  }
}

/** "LONDON (Reuters)" from a parsed dateline; the raw text when nothing was parsed. */
export function formatDateline(d: Dateline): string {
  const place = d.place.trim()
  if (place && d.agency) return `${place} (${d.agency})`
  if (place) return place
  return d.raw.replace(/[\s\u2013\u2014-]+$/, '')
}

export function readingTime(minutes: number): string {
  return `${Math.max(1, minutes)} min read`
}

/**
 * The list's "how long": the reading time of an article with text; for a saved link whose text
 * was never fetched (nothing to read yet), "Link, not fetched" instead of a made-up minute;
 * likewise for a book known only by its highlights.
 */
export function readingLabel(a: Pick<ArticleSummary, 'readingMinutes' | 'origin'>): string {
  if (a.origin.format === 'link') return 'Link, not fetched'
  // Its highlights are counted beside this already.
  if (a.origin.format === 'metadata') return 'Book, highlights only'
  return readingTime(a.readingMinutes)
}

export function wordCount(words: number): string {
  return `${words.toLocaleString()} ${words === 1 ? 'word' : 'words'}`
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`
}

/** A title short enough to quote in a one-line message: “Harbour town turns old…”. */
export function shortTitle(title: string, max = 44): string {
  if (title.length <= max) return title
  const cut = title.slice(0, max)
  const space = /\s/.test(title[max] ?? '') ? max : cut.lastIndexOf(' ')
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–—-]+$/, '')}…`
}
