// Field filters (`tag:`, `is:`, `before:` …): checks a lexed `name:value` and turns the value
// into its typed form, or says what is wrong with which part of it.
import { TagNameSchema } from '../model.ts'
import {
  FILTER_NAMES,
  HAS_FLAGS,
  HIGHLIGHT_COLORS,
  LangSchema,
  MAX_WORD_COUNT,
  NEGATABLE_FILTERS,
  STATUS_FLAGS,
  daysInMonth,
} from './query.ts'
import type { FilterName, HasFlag, HighlightColor, StatusFlag } from './query.ts'
import type { FieldLexeme, ParseError } from './tokenizer.ts'

/** Inclusive word-count bounds. */
export type WordRange = { min?: number; max?: number }

/** One filter with its value in typed, canonical form. */
export type Filter =
  | { field: 'tag'; value: string }
  | { field: 'is'; value: StatusFlag }
  | { field: 'has'; value: HasFlag }
  | { field: 'color'; value: HighlightColor }
  | { field: 'source' | 'author' | 'url' | 'lang'; value: string }
  /** A YYYY-MM-DD bound: after is inclusive, before exclusive (see query.ts). */
  | { field: 'after' | 'before'; value: string }
  | { field: 'words'; value: WordRange }

export type FilterResult = { ok: true; filter: Filter } | { ok: false; error: ParseError }

/** Levenshtein distance, for "did you mean" hints. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      )
    }
    previous = current
  }
  return previous[b.length] ?? 0
}

/**
 * The closest candidate to a mistyped word: within two edits (one for words of three letters
 * or fewer), or a candidate the word starts with (`language` suggests `lang`).
 */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase()
  let best: { candidate: string; distance: number } | undefined
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate)
    if (!best || distance < best.distance) best = { candidate, distance }
  }
  const limit = lower.length <= 3 ? 1 : 2
  if (best && best.distance <= limit) return best.candidate
  return candidates.find((c) => lower.startsWith(c))
}

const list = (values: readonly string[]) => values.join(', ')

function fail(message: string, start: number, end: number): FilterResult {
  return { ok: false, error: { message, start, end } }
}

/** Parses YYYY, YYYY-MM or YYYY-MM-DD into the first day of that period. */
function dateBound(value: string): string | 'format' | 'unreal' {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value)
  if (!m) return 'format'
  const [year, month, day] = [m[1] ?? '', m[2] ?? '01', m[3] ?? '01']
  const [y, mo, d] = [Number(year), Number(month), Number(day)]
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return 'unreal'
  return `${year}-${month}-${day}`
}

/** Parses `>N`, `>=N`, `<N`, `<=N`, `N` or `N-M` into inclusive bounds. */
function wordRange(value: string): WordRange | string {
  const range = /^(\d{1,10})-(\d{1,10})$/.exec(value)
  if (range) {
    const [min, max] = [Number(range[1]), Number(range[2])]
    if (max > MAX_WORD_COUNT) return `words: counts stop at ${MAX_WORD_COUNT}`
    return min <= max ? { min, max } : `the range ${value} is backwards: write ${max}-${min}`
  }
  const m = /^(>=|<=|>|<)?(\d{1,10})$/.exec(value)
  if (!m) return 'words: expects a count such as >500, <300 or 100-800'
  const n = Number(m[2])
  if (n > MAX_WORD_COUNT) return `words: counts stop at ${MAX_WORD_COUNT}`
  switch (m[1]) {
    case '>':
      return n < MAX_WORD_COUNT ? { min: n + 1 } : `words: counts stop at ${MAX_WORD_COUNT}`
    case '>=':
      return { min: n }
    case '<':
      return n > 0 ? { max: n - 1 } : 'no article has fewer than 0 words'
    case '<=':
      return { max: n }
    default:
      return { min: n, max: n }
  }
}

function oneOf<T extends string>(
  name: string,
  value: string,
  options: readonly T[],
  span: [number, number],
): { ok: true; value: T } | { ok: false; error: ParseError } {
  const lower = value.toLowerCase()
  const found = options.find((o) => o === lower)
  if (found) return { ok: true, value: found }
  const hint = suggest(lower, options)
  const message = hint
    ? `${name}:${value} is not known — did you mean ${name}:${hint}?`
    : `${name}: expects one of ${list(options)}`
  return { ok: false, error: { message, start: span[0], end: span[1] } }
}

/**
 * Checks one lexed field filter: a known name, a `-` only where it means something, a
 * non-empty value of the right form. Names and keyword values are case-insensitive.
 */
export function parseFilter(lexeme: FieldLexeme): FilterResult {
  const name = lexeme.name.toLowerCase()
  const field = FILTER_NAMES.find((f) => f === name)
  const nameEnd = lexeme.nameStart + lexeme.name.length + 1
  if (!field) {
    const hint = suggest(name, FILTER_NAMES)
    const message = hint
      ? `unknown filter ${lexeme.name}: — did you mean ${hint}:?`
      : `unknown filter ${lexeme.name}: — filters are ${FILTER_NAMES.map((f) => `${f}:`).join(' ')}; ` +
        'put it in quotes to search for the text'
    return fail(message, lexeme.nameStart, nameEnd)
  }
  if (lexeme.negated && !NEGATABLE_FILTERS.includes(field)) {
    const allowed = NEGATABLE_FILTERS.map((f) => `${f}:`).join(', ')
    return fail(
      `${field}: cannot be excluded with "-" (only ${allowed} can)`,
      lexeme.start,
      lexeme.nameStart,
    )
  }
  const value = lexeme.value.trim()
  const span: [number, number] = [lexeme.valueStart, lexeme.valueEnd]
  if (value === '')
    return fail(`${field}: needs a value, e.g. ${EXAMPLES[field]}`, lexeme.start, lexeme.end)
  return parseValue(field, value, span)
}

const EXAMPLES: Record<FilterName, string> = {
  tag: 'tag:gaza',
  is: 'is:unread',
  source: 'source:aa.com.tr',
  author: 'author:"Jane Doe"',
  url: 'url:bbc.co.uk/news',
  lang: 'lang:en',
  after: 'after:2024-06',
  before: 'before:2024-06-01',
  words: 'words:>500',
  has: 'has:notes',
  color: 'color:yellow',
}

function parseValue(field: FilterName, value: string, span: [number, number]): FilterResult {
  const bad = (message: string) => fail(message, span[0], span[1])
  switch (field) {
    case 'tag': {
      const checked = TagNameSchema.safeParse(value)
      if (!checked.success) return bad(checked.error.issues[0]?.message ?? 'not a tag name')
      return { ok: true, filter: { field, value } }
    }
    case 'is':
    case 'has':
    case 'color': {
      const options = { is: STATUS_FLAGS, has: HAS_FLAGS, color: HIGHLIGHT_COLORS }[field]
      const picked = oneOf(field, value, options, span)
      if (!picked.ok) return picked
      return { ok: true, filter: { field, value: picked.value } as Filter }
    }
    case 'source':
    case 'author':
    case 'url':
      return { ok: true, filter: { field, value } }
    case 'lang': {
      const code = value.toLowerCase()
      if (!LangSchema.safeParse(code).success)
        return bad('lang: expects a language code such as en or pt-br')
      return { ok: true, filter: { field, value: code } }
    }
    case 'after':
    case 'before': {
      const bound = dateBound(value)
      if (bound === 'format') return bad(`${field}: expects a date as YYYY, YYYY-MM or YYYY-MM-DD`)
      if (bound === 'unreal') return bad(`${value} is not a real date`)
      return { ok: true, filter: { field, value: bound } }
    }
    case 'words': {
      const range = wordRange(value)
      return typeof range === 'string' ? bad(range) : { ok: true, filter: { field, value: range } }
    }
  }
}
