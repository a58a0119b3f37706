// Search text normalisation: the one definition of "the same word" shared by the query parser,
// the reference matcher and the full-text index.

const MARKS = /\p{M}+/gu
const TOKEN = /[\p{L}\p{N}]+/gu

/** One folding pass: compatibility-decompose, drop combining marks, lower-case. */
function foldOnce(s: string): string {
  return s.normalize('NFKD').replace(MARKS, '').toLowerCase().replace(/ς/g, 'σ')
}

/**
 * Folds text for comparison: NFKD (so "ﬁ" is "fi" and "²" is "2"), combining marks stripped
 * ("Türkiye" is "turkiye", "İ" is "i"), lower-cased, Greek final sigma read as sigma.
 * Stripping every mark is deliberate and uniform: Arabic harakat and Hebrew niqqud go too,
 * and so do Indic vowel signs (a lossy but consistent fold; the index must fold the same way).
 * Repeated until stable, because lower-casing can produce a character that decomposes again;
 * so foldText(foldText(s)) === foldText(s) always holds.
 */
export function foldText(s: string): string {
  let current = s
  for (let i = 0; i < 4; i++) {
    const next = foldOnce(current)
    if (next === current) return next
    current = next
  }
  return current
}

/**
 * The tokens of a text: maximal runs of letters and numbers (\p{L}, \p{N}) in its folded form.
 * Everything else (spaces, punctuation, symbols) only separates tokens. Marks are stripped
 * before splitting, so an accent never cuts a word in two.
 */
export function tokenize(s: string): string[] {
  return foldText(s).match(TOKEN) ?? []
}

/** True when s is exactly one folded token, the form a word term stores. */
export function isToken(s: string): boolean {
  const tokens = tokenize(s)
  return tokens.length === 1 && tokens[0] === s
}

/** True when s is two or more folded tokens joined by single spaces, the form a phrase stores. */
export function isPhraseText(s: string): boolean {
  const tokens = tokenize(s)
  return tokens.length >= 2 && tokens.join(' ') === s
}
