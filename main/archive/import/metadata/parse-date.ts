// Dates as pages and exports write them, to one ISO form that keeps the writer's own day:
// "2018-06-19T05:50:00+09:00" stays on the 19th (converting to UTC would move it to the 18th).
// Machine values (meta tags, JSON-LD, feeds) and visible text ("25. Juni 2024") have their
// own readers; both refuse impossible days and years outside the plausible range.
import { MONTH_NAME_PATTERN, monthNumber } from './month-names.ts'

export interface DateParts {
  year: number
  month: number
  day: number
  /** "HH:MM:SS" or "HH:MM:SS.sss" when the value had a time of day. */
  time?: string
  /** "Z" or "+09:00" when the value named its zone. */
  zone?: string
}

export interface DateBounds {
  /** The earliest plausible year (default 1900; 1995 for dates read from a page's text). */
  minYear?: number
  /** The latest plausible instant (default now plus a day, for time zones ahead of ours). */
  now?: Date
}

/** The ISO form: "2024-06-25" for a day, "2024-06-25T10:00:00+02:00" with a time. */
export function formatIso(p: DateParts): string {
  const day = `${p.year}-${pad(p.month)}-${pad(p.day)}`
  return p.time ? `${day}T${p.time}${p.zone ?? ''}` : day
}

/** True when the day exists and lies between the bounds. */
export function isPlausible(p: DateParts, bounds: DateBounds = {}): boolean {
  const { year, month, day } = p
  if (year < (bounds.minYear ?? 1900) || month < 1 || month > 12 || day < 1) return false
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return false
  const latest = (bounds.now ?? new Date()).getTime() + 36 * 3600 * 1000
  return Date.UTC(year, month - 1, day) <= latest
}

const ISO =
  /^(\d{4})-?(\d{2})-?(\d{2})(?:[T ]?(\d{2}):?(\d{2})(?::?(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?|(?:GMT|UTC)(?:[+-]\d{1,2}(?::?\d{2})?)?)?)?/i
const RFC_2822 = new RegExp(
  `^(?:[a-z]{3,9},?\\s+)?(\\d{1,2})\\s+(${MONTH_NAME_PATTERN})\\.?\\s+(\\d{2,4})(?:\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([+-]\\d{4}|[a-z]{1,4})?)?`,
  'iu',
)

/**
 * A machine-written date: ISO 8601 in all its forms (compact "20180619T055000+0900",
 * "2024-06-25 10:00:00", a bare day), RFC 2822 ("Tue, 25 Jun 2024 10:00:00 GMT"), Unix
 * seconds or milliseconds; otherwise whatever the visible-text reader finds at its start.
 */
export function parseMachineDate(value: string, bounds: DateBounds = {}): DateParts | undefined {
  const s = value.trim()
  if (s === '') return undefined
  const parts = isoParts(s) ?? rfcParts(s) ?? epochParts(s) ?? parseTextDate(s.slice(0, 80))
  return parts && isPlausible(parts, bounds) ? parts : undefined
}

/** The ISO string of a machine-written date, or undefined. */
export function isoFromMachine(value: unknown, bounds: DateBounds = {}): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined
  const parts = parseMachineDate(String(value), bounds)
  return parts ? formatIso(parts) : undefined
}

function isoParts(s: string): DateParts | undefined {
  const m = ISO.exec(s)
  if (!m) return undefined
  // A compact day must stand alone or before a time: "20180619" yes, "2018061912345" no.
  const rest = s.slice(m[0].length)
  if (/^\d/.test(rest)) return undefined
  const parts: DateParts = { year: +m[1]!, month: +m[2]!, day: +m[3]! }
  if (m[4] !== undefined) {
    const [h, min, sec = '00'] = [m[4], m[5]!, m[6]]
    if (+h > 23 || +min > 59 || +sec > 60) return parts
    parts.time = `${h}:${min}:${sec}${m[7] ? `.${m[7].slice(0, 3).padEnd(3, '0')}` : ''}`
    const zone = m[8] ? zoneOf(m[8]) : undefined
    if (zone) parts.zone = zone
  }
  return parts
}

function rfcParts(s: string): DateParts | undefined {
  const m = RFC_2822.exec(s)
  if (!m) return undefined
  const month = monthNumber(m[2]!)
  if (!month) return undefined
  const parts: DateParts = { year: fullYear(+m[3]!), month, day: +m[1]! }
  if (m[4] !== undefined) {
    parts.time = `${pad(+m[4])}:${m[5]}:${m[6] ?? '00'}`
    const zone = m[7] ? zoneOf(m[7]) : undefined
    if (zone) parts.zone = zone
  }
  return parts
}

/** Unix seconds (10 digits) or milliseconds (13 digits), as feeds and some exports write them. */
function epochParts(s: string): DateParts | undefined {
  if (!/^\d{10}(?:\d{3})?$/.test(s)) return undefined
  const d = new Date(s.length === 13 ? +s : +s * 1000)
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    time: d.toISOString().slice(11, 19),
    zone: 'Z',
  }
}

function zoneOf(raw: string): string | undefined {
  const z = raw.toUpperCase()
  if (z === 'Z' || z === 'GMT' || z === 'UTC' || z === 'UT') return 'Z'
  const m = /^(?:GMT|UTC)?([+-])(\d{1,2}):?(\d{2})?$/.exec(z)
  if (!m) return undefined
  const offset = `${m[1]}${pad(+m[2]!)}:${m[3] ?? '00'}`
  return offset === '+00:00' || offset === '-00:00' ? 'Z' : offset
}

// Visible dates. Day first unless the month is a word before the day ("June 25, 2024").
const ORD = '(?:st|nd|rd|th|er|e|º|°)?'
const WORD_DMY = new RegExp(
  `(?<![\\p{L}\\d])(\\d{1,2})${ORD}\\.?\\s*(?:de\\s+|of\\s+)?(${MONTH_NAME_PATTERN})\\.?,?\\s*(?:de\\s+|del\\s+)?('?\\d{4}|'\\d{2})(?!\\d)`,
  'iu',
)
const WORD_MDY = new RegExp(
  `(?<![\\p{L}])(${MONTH_NAME_PATTERN})\\.?\\s+(\\d{1,2})${ORD},?\\s+(\\d{4})(?!\\d)`,
  'iu',
)
const NUM_YMD = /(?<![\d.])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\d])/
const NUM_DMY = /(?<![\d.:])(\d{1,2})([-/.])\s?(\d{1,2})\2\s?(\d{4}|\d{2})(?![\d.:-]\d|\d)/
const CJK_YMD = /(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]/

export interface TextDate extends DateParts {
  /** Where the date starts in the text, and its length. */
  index: number
  length: number
}

/**
 * Every date written in a stretch of visible text, in order: "25 June 2024", "June 25th,
 * 2024", "25. Juni 2024", "le 25 juin 2024", "25 de junio de 2024", "2024-06-25",
 * "25.06.2024", "25/06/24", "2024年6月25日". Numeric days are read day first (as most of the
 * world writes them) unless that is impossible and month first is not.
 */
export function findTextDates(text: string, bounds: DateBounds = {}): TextDate[] {
  const found: TextDate[] = []
  const add = (m: RegExpExecArray, parts: DateParts | undefined) => {
    if (!parts || !isPlausible(parts, { minYear: 1995, ...bounds })) return
    if (found.some((f) => m.index < f.index + f.length && f.index < m.index + m[0].length)) return
    found.push({ ...parts, index: m.index, length: m[0].length })
  }
  for (const [re, read] of READERS) {
    const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g')
    for (let m = g.exec(text); m; m = g.exec(text)) add(m, read(m))
  }
  return found.sort((a, b) => a.index - b.index)
}

/** The first date written in the text, or undefined. */
export function parseTextDate(text: string, bounds: DateBounds = {}): DateParts | undefined {
  const first = findTextDates(text, bounds)[0]
  if (!first) return undefined
  const { index: _i, length: _l, ...parts } = first
  return parts
}

const READERS: [RegExp, (m: RegExpExecArray) => DateParts | undefined][] = [
  [
    WORD_DMY,
    (m) => {
      const month = monthNumber(m[2]!)
      return month ? { year: fullYear(+m[3]!.replace("'", '')), month, day: +m[1]! } : undefined
    },
  ],
  [
    WORD_MDY,
    (m) => {
      const month = monthNumber(m[1]!)
      return month ? { year: +m[3]!, month, day: +m[2]! } : undefined
    },
  ],
  [CJK_YMD, (m) => ({ year: +m[1]!, month: +m[2]!, day: +m[3]! })],
  [NUM_YMD, (m) => ({ year: +m[1]!, month: +m[3]!, day: +m[4]! })],
  [
    NUM_DMY,
    (m) => {
      const a = +m[1]!
      const b = +m[3]!
      const year = fullYear(+m[4]!)
      // Two-digit years only with dots or slashes ("25.06.24"), never "1-2-24" ranges.
      if (m[4]!.length === 2 && m[2] === '-') return undefined
      if (b > 12 && a <= 12) return { year, month: a, day: b }
      return { year, month: b, day: a }
    },
  ],
]

function fullYear(y: number): number {
  if (y >= 100) return y
  return y >= 90 ? 1900 + y : 2000 + y
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}
