// Splits a query string into lexemes (text, field filters, OR) with their spans. It knows the
// shape of the syntax only; whether a filter exists and what its value means is parser work.
import { FILTER_NAMES } from './query.ts'

/** A range of the input in UTF-16 offsets, end exclusive, as String.prototype.slice takes. */
export type Span = { start: number; end: number }

/** What went wrong and where, for the UI to underline input.slice(start, end). */
export type ParseError = { message: string } & Span

export type TextLexeme = {
  type: 'text'
  /** Written with a leading `-`. */
  negated: boolean
  /** Written in double quotes; text is the content without them. */
  quoted: boolean
  text: string
} & Span

export type FieldLexeme = {
  type: 'field'
  negated: boolean
  /** The name as typed, without the colon (case is the parser's business). */
  name: string
  /** The value as typed, quotes removed; may be empty (`tag:`). */
  value: string
  quoted: boolean
  /** Where the name starts (after any `-`) and where the value sits, quotes included. */
  nameStart: number
  valueStart: number
  valueEnd: number
} & Span

export type OrLexeme = { type: 'or' } & Span

export type Lexeme = TextLexeme | FieldLexeme | OrLexeme

export type LexResult = { ok: true; lexemes: Lexeme[] } | { ok: false; error: ParseError }

/**
 * `name:` starts a field filter when the name is letters only, so `10:30` and `:x` stay text.
 * So does `http://…` (a URL typed as a word), unless the name is a filter: `url://x` is url:.
 */
const FIELD = /^([A-Za-z]+):/

function isField(run: string): RegExpExecArray | null {
  const m = FIELD.exec(run)
  if (!m || !run.startsWith('//', m[0].length)) return m
  const name = (m[1] ?? '').toLowerCase()
  return FILTER_NAMES.some((f) => f === name) ? m : null
}

const isSpace = (ch: string | undefined) => ch !== undefined && /\s/.test(ch)

/** Where a bare run starting at i ends: at whitespace, a quote or the end of the input. */
function bareEnd(input: string, i: number): number {
  let j = i
  while (j < input.length && input[j] !== '"' && !isSpace(input[j])) j++
  return j
}

function fail(message: string, start: number, end: number): LexResult {
  return { ok: false, error: { message, start, end } }
}

/**
 * Lexes a query. Fails only on an unterminated quote or a `-` with nothing after it; every
 * other check belongs to the parser so that it can name the part that is wrong.
 */
export function lex(input: string): LexResult {
  const lexemes: Lexeme[] = []
  let i = 0
  while (i < input.length) {
    if (isSpace(input[i])) {
      i++
      continue
    }
    const start = i
    const negated = input[i] === '-'
    if (negated) {
      if (i + 1 >= input.length || isSpace(input[i + 1])) {
        return fail(
          'a lone "-" excludes nothing: write it right before a word, e.g. -sport',
          i,
          i + 1,
        )
      }
      i++
    }
    if (input[i] === '"') {
      const close = input.indexOf('"', i + 1)
      if (close < 0) return fail('this quote is never closed', i, input.length)
      lexemes.push({
        type: 'text',
        negated,
        quoted: true,
        text: input.slice(i + 1, close),
        start,
        end: close + 1,
      })
      i = close + 1
      continue
    }
    const runEnd = bareEnd(input, i)
    const run = input.slice(i, runEnd)
    const field = isField(run)
    if (field) {
      const name = field[1] ?? ''
      const valueStart = i + name.length + 1
      let value = input.slice(valueStart, runEnd)
      let end = runEnd
      let quoted = false
      if (value === '' && input[runEnd] === '"') {
        const close = input.indexOf('"', runEnd + 1)
        if (close < 0) return fail('this quote is never closed', runEnd, input.length)
        value = input.slice(runEnd + 1, close)
        end = close + 1
        quoted = true
      }
      lexemes.push({
        type: 'field',
        negated,
        name,
        value,
        quoted,
        nameStart: i,
        valueStart,
        valueEnd: end,
        start,
        end,
      })
      i = end
      continue
    }
    if (!negated && run === 'OR') lexemes.push({ type: 'or', start, end: runEnd })
    else lexemes.push({ type: 'text', negated, quoted: false, text: run, start, end: runEnd })
    i = runEnd
  }
  return { ok: true, lexemes }
}
