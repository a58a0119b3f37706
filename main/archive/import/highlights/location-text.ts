// Locations as exports write them ("1234", "1234-1240", "12", "xii", "42%", "1:02:03") ->
// shared/book.ts's Location.
import type { Location, LocationType } from '../../../../shared/book.ts'

/** Readwise's `Location Type` names (and ours) -> our types; unknown names are kept. */
const TYPES: Record<string, LocationType> = {
  location: 'location',
  loc: 'location',
  page: 'page',
  chapter: 'chapter',
  percent: 'percent',
  percentage: 'percent',
  offset: 'offset',
  order: 'order',
  time: 'time',
  time_offset: 'time',
  other: 'other',
}

/** A plain number of a position (not negative, finite), or undefined. */
function number(s: string): number | undefined {
  if (!/^\d+(\.\d+)?$/.test(s)) return undefined
  const n = Number(s)
  return Number.isFinite(n) ? n : undefined
}

/** "1:02:03" or "2:03" -> seconds. */
function seconds(s: string): number | undefined {
  const m = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/.exec(s)
  if (!m) return undefined
  return Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3])
}

/**
 * The location a row gives, or undefined when it gives none ('', "none", "0" with no type).
 * `typeName` is the row's type as written; `value` the position.
 */
export function parseLocation(
  typeName: string | undefined,
  value: string | undefined,
  fallback: LocationType = 'location',
): Location | undefined {
  const rawType = typeName?.trim().toLowerCase() ?? ''
  const v = value?.trim() ?? ''
  if (rawType === 'none' || (!v && !rawType)) return undefined
  if (!v) return undefined
  const type = rawType ? (TYPES[rawType] ?? 'other') : fallback
  const loc: Location = { type }
  if (type === 'other') loc.sourceType = rawType.slice(0, 100)
  const pct = /^(\d+(?:\.\d+)?)\s*%$/.exec(v)
  const range = /^(\d+(?:\.\d+)?)\s*[-–—]\s*(\d+(?:\.\d+)?)$/.exec(v)
  if (type === 'time' && seconds(v) !== undefined) loc.value = seconds(v)!
  else if (pct) {
    loc.type = rawType ? loc.type : 'percent'
    loc.value = Number(pct[1])
  } else if (range) {
    loc.value = Number(range[1])
    loc.end = Number(range[2])
  } else if (number(v) !== undefined) loc.value = number(v)!
  else loc.label = v.slice(0, 500)
  return loc
}
