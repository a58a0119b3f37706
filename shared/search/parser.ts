// Parses a query string into a Query, or into chips for the UI; every error carries the span
// of the input to underline. Grammar: parts separated by whitespace, OR binds adjacent terms.
import { parseFilter } from './filters.ts'
import type { Filter } from './filters.ts'
import { formatFilter, formatTerm } from './formatter.ts'
import { tokenize } from './normalize.ts'
import { emptyQuery } from './query.ts'
import type { FilterName, Query, Term } from './query.ts'
import { lex } from './tokenizer.ts'
import type { Lexeme, ParseError, Span, TextLexeme } from './tokenizer.ts'

export type { ParseError, Span } from './tokenizer.ts'

export type ParseResult = { ok: true; query: Query } | { ok: false; error: ParseError }

/** One visible part of a query, as the UI shows it: a clause, an exclusion or a filter. */
export type QueryChip = {
  kind: 'terms' | 'exclude' | 'filter'
  /** Set for filters. */
  field?: FilterName
  negated: boolean
  /** The part in canonical form (`rafah OR gaza`, `-is:read`, `before:2024-06-01`). */
  text: string
} & Span

export type ChipsResult = { ok: true; chips: QueryChip[] } | { ok: false; error: ParseError }

type Part =
  | ({ kind: 'terms'; terms: Term[] } & Span)
  | ({ kind: 'exclude'; term: Term } & Span)
  | ({ kind: 'filter'; filter: Filter; negated: boolean } & Span)

type Failed = { ok: false; error: ParseError }
const fail = (message: string, span: Span): Failed => ({
  ok: false,
  error: { message, start: span.start, end: span.end },
})

/**
 * A text lexeme as a term. Its folded tokens decide the kind: one token is a word (a prefix
 * when bare, exact when quoted); several make a phrase, quoted or not, so `e-mail` is the
 * phrase "e mail". Text without letters or numbers is refused rather than silently dropped.
 */
function toTerm(lexeme: TextLexeme): { ok: true; term: Term } | Failed {
  const tokens = tokenize(lexeme.text)
  const [first] = tokens
  if (first === undefined) {
    const what = lexeme.quoted ? `"${lexeme.text}"` : lexeme.text
    return fail(`${what} has no letters or numbers to search for`, lexeme)
  }
  if (tokens.length > 1) return { ok: true, term: { kind: 'phrase', text: tokens.join(' ') } }
  return { ok: true, term: { kind: 'word', text: first, prefix: !lexeme.quoted } }
}

function toPart(lexeme: Exclude<Lexeme, { type: 'or' }>): { ok: true; part: Part } | Failed {
  const span = { start: lexeme.start, end: lexeme.end }
  if (lexeme.type === 'field') {
    const parsed = parseFilter(lexeme)
    if (!parsed.ok) return parsed
    return {
      ok: true,
      part: { kind: 'filter', filter: parsed.filter, negated: lexeme.negated, ...span },
    }
  }
  const converted = toTerm(lexeme)
  if (!converted.ok) return converted
  const { term } = converted
  return {
    ok: true,
    part: lexeme.negated
      ? { kind: 'exclude', term, ...span }
      : { kind: 'terms', terms: [term], ...span },
  }
}

/** Lexes and groups: OR joins the term before it and the term after it into one clause. */
function parseParts(input: string): { ok: true; parts: Part[] } | Failed {
  const lexed = lex(input)
  if (!lexed.ok) return lexed
  const parts: Part[] = []
  let pendingOr: Span | undefined
  for (const lexeme of lexed.lexemes) {
    const last = parts.at(-1)
    if (lexeme.type === 'or') {
      if (pendingOr) return fail('OR twice in a row: put a word between them', lexeme)
      if (!last) return fail('OR needs a word before it', lexeme)
      if (last.kind !== 'terms') return fail('OR can only join words and phrases', lexeme)
      pendingOr = lexeme
      continue
    }
    const converted = toPart(lexeme)
    if (!converted.ok) return converted
    const { part } = converted
    if (pendingOr && last?.kind === 'terms') {
      if (part.kind !== 'terms') return fail('OR can only join words and phrases', part)
      last.terms.push(...part.terms)
      last.end = part.end
      pendingOr = undefined
      continue
    }
    parts.push(part)
  }
  if (pendingOr) return fail('OR needs a word after it', pendingOr)
  return { ok: true, parts }
}

/** Adds one filter to the query; repeats narrow (dates, word counts) or accumulate (lists). */
function applyFilter(query: Query, part: Extract<Part, { kind: 'filter' }>): Failed | undefined {
  const { filter, negated } = part
  switch (filter.field) {
    case 'tag':
      ;(negated ? query.excludeTags : query.tags).push(filter.value)
      return
    case 'is':
    case 'has': {
      const flags: Record<string, boolean | undefined> = query[filter.field]
      const earlier = flags[filter.value]
      if (earlier !== undefined && earlier === negated) {
        const [yes, no] = [`${filter.field}:${filter.value}`, `-${filter.field}:${filter.value}`]
        return fail(`${negated ? no : yes} contradicts ${negated ? yes : no} earlier`, part)
      }
      flags[filter.value] = !negated
      return
    }
    case 'color':
      query.colors.push(filter.value)
      return
    case 'source':
    case 'author':
    case 'url':
    case 'lang':
      query[filter.field].push(filter.value)
      return
    case 'after':
      if (query.after === undefined || filter.value > query.after) query.after = filter.value
      return
    case 'before':
      if (query.before === undefined || filter.value < query.before) query.before = filter.value
      return
    case 'words': {
      const mins = [query.words.min, filter.value.min].filter((n) => n !== undefined)
      const maxes = [query.words.max, filter.value.max].filter((n) => n !== undefined)
      const words = {
        ...(mins.length > 0 && { min: Math.max(...mins) }),
        ...(maxes.length > 0 && { max: Math.min(...maxes) }),
      }
      if (words.min !== undefined && words.max !== undefined && words.min > words.max) {
        return fail('this words: filter and an earlier one leave no possible count', part)
      }
      query.words = words
      return
    }
  }
}

/**
 * Parses a user's query. Never throws: malformed input (an unclosed quote, an unknown or
 * empty filter, a bad date, number or keyword, a dangling or doubled OR, a lone `-`) gives
 * `ok: false` with a message and the span to underline. Whitespace-only input is the
 * empty query. The syntax is documented in query.ts and the tests.
 */
export function parseQuery(input: string): ParseResult {
  const parsed = parseParts(input)
  if (!parsed.ok) return parsed
  const query = emptyQuery()
  for (const part of parsed.parts) {
    if (part.kind === 'terms') query.terms.push(part.terms)
    else if (part.kind === 'exclude') query.exclude.push(part.term)
    else {
      const failed = applyFilter(query, part)
      if (failed) return failed
    }
  }
  return { ok: true, query }
}

/**
 * The parts of a query in input order with their spans, so the UI can show each as a chip
 * and remove one by cutting input.slice(start, end). Fails exactly when parseQuery does.
 */
export function queryChips(input: string): ChipsResult {
  const checked = parseQuery(input)
  if (!checked.ok) return checked
  const parsed = parseParts(input)
  if (!parsed.ok) return parsed
  const chips = parsed.parts.map((part): QueryChip => {
    const span = { start: part.start, end: part.end }
    if (part.kind === 'terms') {
      return {
        kind: 'terms',
        negated: false,
        text: part.terms.map(formatTerm).join(' OR '),
        ...span,
      }
    }
    if (part.kind === 'exclude') {
      return { kind: 'exclude', negated: true, text: `-${formatTerm(part.term)}`, ...span }
    }
    const text = formatFilter(part.filter, part.negated)
    return { kind: 'filter', field: part.filter.field, negated: part.negated, text, ...span }
  })
  return { ok: true, chips }
}
