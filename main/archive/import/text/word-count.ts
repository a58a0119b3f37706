// Counts the words of an article and turns them into an estimated reading time.

// Reading speed for non-fiction prose (Brysbaert 2019, English silent reading).
const WORDS_PER_MINUTE = 238

// Chinese and Japanese are written without spaces: each character counts as a word, which is
// closer to the truth than counting a whole sentence as one.
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu
// Letters and digits, with combining marks (Devanagari vowel signs, Arabic harakat) kept inside
// the word; "don't", "cease-fire" and "1,200" are one word each.
const WORD =
  /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:(?:['’-]|(?<=\p{N})[.,](?=\p{N}))[\p{L}\p{M}\p{N}]+)*/gu

/** The number of words in the paragraphs. */
export function countWords(paragraphs: readonly string[]): number {
  let total = 0
  for (const paragraph of paragraphs) {
    const unspaced = paragraph.match(UNSPACED)?.length ?? 0
    const spaced = paragraph.replace(UNSPACED, ' ').match(WORD)?.length ?? 0
    total += unspaced + spaced
  }
  return total
}

/** Whole minutes to read `words` words, rounded up; 0 only for an empty text. */
export function readingMinutes(words: number): number {
  return words > 0 ? Math.ceil(words / WORDS_PER_MINUTE) : 0
}
