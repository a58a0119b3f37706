// Splits a search snippet into plain and matched runs. The archive wraps matched words between
// U+E000 and U+E001; the UI renders those runs as <mark> elements, never as HTML.

export interface SnippetPart {
  text: string
  match: boolean
}

const MARK_START = '\u{E000}'
const MARK_END = '\u{E001}'
/** The archive's other private-use separator; it reads as a space. */
const BARRIER = /\u{E002}/gu

/**
 * The snippet's runs in order, empty ones dropped. A mark left open runs to the end and a
 * stray closing mark is ignored, so a truncated snippet still renders sensibly.
 */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = []
  let match = false
  let run = ''
  const flush = () => {
    if (run) parts.push({ text: run.replace(BARRIER, ' '), match })
    run = ''
  }
  for (const ch of snippet) {
    if (ch === MARK_START || ch === MARK_END) {
      flush()
      match = ch === MARK_START
    } else {
      run += ch
    }
  }
  flush()
  return parts
}
