// The day an address names: "/2024/06/25/", "/2024-06-25-title", "_2024_6_25". Sites that
// put the day in the path put the publication day there, so it is trusted above visible text.
import { isPlausible, type DateBounds, type DateParts } from './parse-date.ts'

const FULL = /(?<![\d])((?:19|20)\d{2})[/_-](\d{1,2})[/_-](\d{1,2})(?!\d)/
const COMPACT = /(?<![\d])((?:19|20)\d{2})(\d{2})(\d{2})(?![\d])/

/** The day in a page address's path, or undefined (the host and query are not read). */
export function urlDate(
  address: string | undefined,
  bounds: DateBounds = {},
): DateParts | undefined {
  if (!address) return undefined
  let path: string
  try {
    path = decodeURIComponent(new URL(address).pathname)
  } catch {
    return undefined
  }
  for (const re of [FULL, COMPACT]) {
    const m = re.exec(path)
    if (!m) continue
    const parts = { year: +m[1]!, month: +m[2]!, day: +m[3]! }
    if (isPlausible(parts, { minYear: 1995, ...bounds })) return parts
  }
  return undefined
}
