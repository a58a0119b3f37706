// Small line helpers shared by the plain-text parser's steps.

/** Collapses runs of spaces and tabs to one space and trims the ends. */
export function collapseSpaces(line: string): string {
  // Matching only runs and tabs leaves single spaces alone: on a megabyte-long line, replacing
  // every space with itself costs hundreds of milliseconds.
  return line.replace(/[ \t]{2,}|\t/g, ' ').trim()
}

export function isBlank(line: string): boolean {
  return line.trim() === ''
}

// Sentence-final punctuation, optionally followed by closing quotes or brackets: `said.”`.
const SENTENCE_END = /[.!?:;…]["'’”»)\]]*$/u

/** True when the line ends the way a sentence (or a lead-in to a list or quote) ends. */
export function endsSentence(line: string): boolean {
  return SENTENCE_END.test(line.trim())
}

/** Index of the first non-blank line at or after `from`, or -1. */
export function nextNonBlank(lines: readonly string[], from: number): number {
  for (let i = from; i < lines.length; i++) {
    if (!isBlank(lines[i] ?? '')) return i
  }
  return -1
}

/** True when a blank line separates two non-blank lines: the text is laid out in blocks. */
export function hasBlankSeparators(lines: readonly string[]): boolean {
  const first = nextNonBlank(lines, 0)
  if (first < 0) return false
  let sawBlank = false
  for (let i = first + 1; i < lines.length; i++) {
    if (isBlank(lines[i] ?? '')) sawBlank = true
    else if (sawBlank) return true
  }
  return false
}
