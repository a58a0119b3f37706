// Refuses what makes XML dangerous before any parser sees it: entity declarations (billion
// laughs, external entities reading local files or URLs). A harmless DOCTYPE is removed.
import { ImportFailure } from '../extracted.ts'

/** CDATA and comments are skipped: feed bodies often carry a whole HTML page in CDATA. */
const MARKUP = /<!\[CDATA\[|<!--|<!DOCTYPE/gi

/**
 * The text with its DOCTYPE removed. Throws ImportFailure 'INVALID_INPUT' when a DOCTYPE
 * declares entities, never ends, or appears twice.
 */
export function stripSafeDoctype(text: string): string {
  let found: { start: number; end: number } | undefined
  MARKUP.lastIndex = 0
  for (let m = MARKUP.exec(text); m; m = MARKUP.exec(text)) {
    const open = m[0].toUpperCase()
    if (open !== '<!DOCTYPE') {
      const close = text.indexOf(open === '<!--' ? '-->' : ']]>', MARKUP.lastIndex)
      if (close < 0) break // unclosed: the XML parser reports it
      MARKUP.lastIndex = close + 3
      continue
    }
    if (found) throw new ImportFailure('INVALID_INPUT', 'the file has more than one <!DOCTYPE>')
    const end = doctypeEnd(text, MARKUP.lastIndex)
    if (end < 0) throw new ImportFailure('INVALID_INPUT', 'the file has an unfinished <!DOCTYPE>')
    if (/<!ENTITY/i.test(text.slice(m.index, end))) {
      throw new ImportFailure(
        'INVALID_INPUT',
        'the file declares XML entities (<!ENTITY>), which Quire refuses: they can expand to gigabytes or read local files',
      )
    }
    found = { start: m.index, end }
    MARKUP.lastIndex = end
  }
  return found ? text.slice(0, found.start) + text.slice(found.end) : text
}

/** Index just past the DOCTYPE's closing '>', skipping quoted strings and the internal subset. */
function doctypeEnd(text: string, from: number): number {
  let quote = ''
  let depth = 0
  for (let i = from; i < text.length; i++) {
    const c = text[i]
    if (quote) {
      if (c === quote) quote = ''
    } else if (c === '"' || c === "'") quote = c
    else if (c === '[') depth++
    else if (c === ']') depth--
    else if (c === '>' && depth <= 0) return i + 1
  }
  return -1
}
