// Field readers shared by the service importers: every value from an export is untrusted.
import type { HighlightColor } from '../../../../shared/model.ts'

/** A trimmed non-empty string (numbers become strings), or undefined. */
export function text(v: unknown): string | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v)
  if (typeof v !== 'string') return undefined
  const t = v.trim()
  return t === '' ? undefined : t
}

/** The URL when it is an absolute http(s) URL, else undefined (javascript:, file:, junk). */
export function httpUrl(v: unknown): string | undefined {
  const t = text(v)
  if (!t) return undefined
  try {
    const u = new URL(t)
    return u.protocol === 'http:' || u.protocol === 'https:' ? t : undefined
  } catch {
    return undefined
  }
}

/** A cell holding a JSON list ('["a","b"]') as that list, else undefined (a plain list, junk). */
export function jsonList(t: string): unknown[] | undefined {
  if (!t.startsWith('[')) return undefined
  try {
    const list: unknown = JSON.parse(t)
    return Array.isArray(list) ? list : undefined
  } catch {
    return undefined
  }
}

/** true for true, 1, '1', 'true', 'yes' (exports disagree on booleans). */
export function truthy(v: unknown): boolean {
  if (typeof v === 'boolean') return v
  if (typeof v === 'number') return v === 1
  if (typeof v === 'string') return ['1', 'true', 'yes'].includes(v.trim().toLowerCase())
  return false
}

const EARLIEST = Date.UTC(1990, 0, 1)
const LATEST = Date.UTC(2200, 0, 1)

function inRange(ms: number): string | undefined {
  return Number.isFinite(ms) && ms >= EARLIEST && ms < LATEST
    ? new Date(ms).toISOString()
    : undefined
}

/** Unix time (seconds, or milliseconds when that large) as ISO 8601, else undefined. */
export function unixTime(v: unknown): string | undefined {
  const t = text(v)
  if (!t || !/^\d{9,14}(\.\d+)?$/.test(t)) return undefined
  const n = Number(t)
  return inRange(n > 1e11 ? n : n * 1000)
}

/** An ISO-like date ('2016-09-08T11:55:58+0200', '2024-10-29T16:30:11.000Z') as ISO 8601. */
export function isoDate(v: unknown): string | undefined {
  const t = text(v)
  if (!t) return unixTime(v)
  if (/^\d+(\.\d+)?$/.test(t)) return unixTime(t)
  // '+0200' is common in exports but not in the format Date.parse promises to read.
  const fixed = t
    .replace(/([+-]\d\d)(\d\d)$/, '$1:$2')
    .replace(/ UTC$/, 'Z')
    // A date and time with no zone: exports write UTC, and reading it as local time would
    // shift it by the importing machine's offset.
    .replace(/^(\d{4}-\d\d-\d\d[ T]\d\d:\d\d(:\d\d(\.\d+)?)?)$/, '$1Z')
  return inRange(Date.parse(fixed))
}

/** Tag names as the archive accepts them: trimmed, no controls or commas, ≤100 chars, unique. */
export function cleanTags(raw: Iterable<unknown>): string[] {
  const out: string[] = []
  const seen = new Set<string>()
  for (const r of raw) {
    const t = text(r)
      ?.replace(/[\u0000-\u001f\u007f]/g, '')
      .replace(/,/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 100)
      .trim()
    if (!t || seen.has(t.toLowerCase())) continue
    seen.add(t.toLowerCase())
    out.push(t)
  }
  return out
}

const COLORS: Record<string, HighlightColor> = {
  yellow: 'yellow',
  green: 'green',
  blue: 'blue',
  pink: 'pink',
  red: 'pink',
  orange: 'yellow',
  purple: 'purple',
}

/** A highlight colour name from another app mapped onto ours, or undefined. */
export function highlightColor(v: unknown): HighlightColor | undefined {
  const t = text(v)?.toLowerCase()
  return t ? COLORS[t] : undefined
}

/** A plain object (not an array or null), for walking parsed JSON. */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
