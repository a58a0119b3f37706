// Readwise's inline tags: `.tag` tokens typed into a highlight's note (on a Kindle, say),
// which Readwise reads as tags. They open or close the note; the words between stay the note.

/** A `.tag` token: a dot, then a letter or digit, then anything but spaces. */
const TOKEN = /^\.[\p{L}\p{N}][^\s]*$/u

/** The note without its leading and trailing `.tag` tokens, and those tags (dots removed). */
export function splitNoteTags(note: string): { note: string; tags: string[] } {
  const words = note.trim().split(/(\s+)/)
  const tags: string[] = []
  let start = 0
  let end = words.length
  // Tokens and the spaces between them sit at even and odd indexes alternately.
  while (start < end && TOKEN.test(words[start]!)) {
    tags.push(words[start]!.slice(1))
    start += 2
  }
  const tail: string[] = []
  while (end - 1 > start && TOKEN.test(words[end - 1]!)) {
    tail.unshift(words[end - 1]!.slice(1))
    end -= 2
  }
  return {
    note: words.slice(start, Math.max(start, end)).join('').trim(),
    tags: [...tags, ...tail],
  }
}

/** Tags as `.tag` tokens for a note (spaces become underscores, as Readwise writes them). */
export function noteTagTokens(tags: readonly string[]): string {
  return tags.map((t) => `.${t.replace(/\s+/g, '_')}`).join(' ')
}
