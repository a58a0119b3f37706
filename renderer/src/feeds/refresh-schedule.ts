// When feeds are due for their scheduled refresh while the app runs: the interval comes from
// Settings > Feeds; the clock starts at the later of the oldest check and our last attempt, so
// a feed that keeps failing is not retried on every tick.
import type { Feed } from '../../../shared/model.ts'

/** How often the app looks at the clock; refreshes themselves follow the chosen interval. */
export const TICK_MS = 60_000

export interface ScheduleInput {
  /** The chosen interval; 0 means "only when I ask". */
  minutes: number
  feeds: readonly Pick<Feed, 'lastCheckedAt'>[]
  /** When this window last started a scheduled refresh (ms since epoch), if it has. */
  lastAttemptAt: number | undefined
  now: number
}

function time(iso: string | undefined): number {
  if (!iso) return 0
  const t = Date.parse(iso)
  return Number.isNaN(t) ? 0 : t
}

/** The moment the next refresh is due, or null when there is nothing to schedule. */
export function nextRefreshAt(input: Omit<ScheduleInput, 'now'>): number | null {
  if (input.minutes <= 0 || input.feeds.length === 0) return null
  // A never-checked feed counts as checked at the epoch: due at once.
  const oldest = Math.min(...input.feeds.map((f) => time(f.lastCheckedAt)))
  const start = Math.max(oldest, input.lastAttemptAt ?? 0)
  return start + input.minutes * 60_000
}

export function isRefreshDue(input: ScheduleInput): boolean {
  const at = nextRefreshAt(input)
  return at !== null && input.now >= at
}
