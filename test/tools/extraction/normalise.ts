// How the extraction check compares what was extracted with what was expected: whitespace
// normalisation for body passages, a forgiving equality for titles and person names, and a
// bag-of-words F1 for whole bodies (Readability's test pages).

/** Runs of whitespace (including no-break and zero-width spaces) to one space, trimmed. */
export function collapse(s: string | null | undefined): string {
  return (s ?? '')
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * A label (title, person name) as compared: NFKC, soft hyphens dropped, whitespace collapsed, case-folded, straight
 * and curly quotes folded together, dashes folded, trailing punctuation trimmed.
 */
export function foldLabel(s: string | null | undefined): string {
  // Soft hyphens are invisible hyphenation hints: the corpus keeps them in some titles and
  // not in others, and a reader sees the same words either way.
  return collapse((s ?? '').normalize('NFKC').replace(/\u00ad/g, ''))
    .toLowerCase()
    .replace(/[\u2018\u2019\u201a\u201b\u2032\u00b4`]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\s.,;:!?…'"\-–—|·]+$/u, '')
    .trim()
}

/** The expected `;`-separated names as a set of folded labels (empty names dropped). */
export function nameSet(names: readonly string[]): Set<string> {
  return new Set(names.map(foldLabel).filter((n) => n.length > 0))
}

export function sameSet(a: Set<string>, b: Set<string>): boolean {
  if (a.size !== b.size) return false
  for (const x of a) if (!b.has(x)) return false
  return true
}

/** Lower-cased word tokens; each Han/kana character is a token, as those scripts use no spaces. */
const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}'
const TOKEN = new RegExp(`[${CJK}]|[[\\p{L}\\p{N}]--[${CJK}]]+`, 'gv')
function tokens(text: string): string[] {
  return text.toLowerCase().match(TOKEN) ?? []
}

/**
 * Token-level F1: the harmonic mean of precision and recall over the multiset of words,
 * order ignored. 1 means the same words the same number of times.
 */
export function tokenF1(got: string, want: string): number {
  const a = tokens(got)
  const b = tokens(want)
  if (a.length === 0 && b.length === 0) return 1
  if (a.length === 0 || b.length === 0) return 0
  const counts = new Map<string, number>()
  for (const t of b) counts.set(t, (counts.get(t) ?? 0) + 1)
  let common = 0
  for (const t of a) {
    const n = counts.get(t) ?? 0
    if (n > 0) {
      common++
      counts.set(t, n - 1)
    }
  }
  const precision = common / a.length
  const recall = common / b.length
  return common === 0 ? 0 : (2 * precision * recall) / (precision + recall)
}
