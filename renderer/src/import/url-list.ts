// Finds web addresses in text a person pasted or typed: one per line, or several separated by
// spaces, with stray punctuation around them (quotes, brackets, a trailing comma) left off.

/** The most the import:urls contract takes in one call; more are refused, not dropped. */
export const MAX_URLS = 1000

export interface UrlList {
  /** http(s) addresses, in the order given, each once. */
  urls: string[]
  /** Words that look like an attempt at an address but are not one (shown to the user). */
  rejected: string[]
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

/** A word someone probably meant as an address: it has a scheme or starts with www. */
function looksLikeAddress(word: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(word) || /^www\./i.test(word)
}

/** Every address in the text; words that only look like addresses come back as rejected. */
export function parseUrlList(text: string): UrlList {
  const seen = new Set<string>()
  const urls: string[] = []
  const rejected: string[] = []
  for (const raw of text.split(/\s+/)) {
    const word = unwrap(raw)
    if (!word) continue
    const url = asWebUrl(word)
    if (url) {
      if (!seen.has(url)) {
        seen.add(url)
        urls.push(url)
      }
    } else if (looksLikeAddress(word)) {
      rejected.push(word)
    }
  }
  return { urls, rejected }
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
