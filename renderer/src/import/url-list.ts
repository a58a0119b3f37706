// Finds web addresses in text a person pasted or typed: one per line, or several separated by
// spaces, with stray punctuation around them (quotes, brackets, a trailing comma) left off.

/** The most the import:urls contract takes in one call; more are refused, not dropped. */
export const MAX_URLS = 1000

/** A line of the list that is not (only) web addresses: reported by its number, never dropped. */
export interface RejectedLine {
  /** 1-based, as a person counts the lines they typed. */
  line: number
  /** The words of the line that are not addresses. */
  text: string
  /** Why, in words: "is not a web address", "needs http:// or https:// in front". */
  reason: string
}

export interface UrlList {
  /** http(s) addresses, in the order given, each once. */
  urls: string[]
  /** Every line with something that is not an http(s) address, in order. */
  rejected: RejectedLine[]
}

const WRAPPERS = /^[<("'[`]+|[>)"'\]`,.;:!?]+$/g

/** Takes off quotes and punctuation around a word, but keeps a closing bracket it opened. */
function unwrap(word: string): string {
  let s = word.replace(WRAPPERS, '')
  // "https://en.wikipedia.org/wiki/Foo_(bar)" keeps its bracket.
  const tail = /[)\]]+$/.exec(word.replace(/[>"'`,.;:!?]+$/, ''))
  if (tail) {
    const opened = (s.match(/[([]/g) ?? []).length - (s.match(/[)\]]/g) ?? []).length
    if (opened > 0) s += tail[0].slice(0, opened)
  }
  return s
}

/** An http(s) address, normalised by URL, or null for anything else. */
export function asWebUrl(word: string): string | null {
  const trimmed = unwrap(word)
  if (!/^https?:\/\//i.test(trimmed)) return null
  try {
    const url = new URL(trimmed)
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
    if (!url.hostname) return null
    return url.href
  } catch {
    return null
  }
}

/** Why words that are not addresses cannot be imported, the likeliest mistake first. */
function reasonFor(words: string[]): string {
  if (words.some((w) => /^www\./i.test(w))) return 'needs http:// or https:// in front'
  if (words.some((w) => /^[a-z][a-z0-9+.-]*:/i.test(w)))
    return 'is not a web address: only http:// and https:// pages can be imported'
  return 'is not a web address'
}

/**
 * Every address in the text, one or more a line; each line holding words that are not
 * addresses comes back in `rejected` with its number and why, so nothing is silently ignored.
 */
export function parseUrlList(text: string): UrlList {
  const seen = new Set<string>()
  const urls: string[] = []
  const rejected: RejectedLine[] = []
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const bad: string[] = []
    for (const w of raw.split(/\s+/)) {
      const word = unwrap(w)
      if (!word) continue
      const url = asWebUrl(word)
      if (!url) bad.push(word)
      else if (!seen.has(url)) {
        seen.add(url)
        urls.push(url)
      }
    }
    if (bad.length > 0) rejected.push({ line: i + 1, text: bad.join(' '), reason: reasonFor(bad) })
  })
  return { urls, rejected }
}

/** "Line 3: “not a url” is not a web address", for the dialog and the import summary. */
export function describeRejected(r: RejectedLine): string {
  return `Line ${r.line}: “${r.text}” ${r.reason}`
}

/**
 * The addresses of a paste worth offering to import: only when the text is nothing but
 * addresses (a paragraph that mentions a link is not an import request).
 */
export function pastedUrls(text: string): string[] {
  const words = text.split(/\s+/).filter((w) => unwrap(w) !== '')
  if (words.length === 0) return []
  if (!words.every((w) => asWebUrl(w) !== null)) return []
  return parseUrlList(text).urls
}

/** Tags typed as "news, gaza/rafah ,  later": trimmed, empty ones dropped, each once. */
export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((t) => t.trim())
        .filter((t) => t !== ''),
    ),
  ]
}
