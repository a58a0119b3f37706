// Feed preferences kept in localStorage (per window, not per archive): how often the app
// refreshes the subscriptions while it runs (feeds/use-feed-schedule.ts reads it each tick).

export const REFRESH_CHOICES = [
  { minutes: 30, label: 'Every 30 minutes' },
  { minutes: 60, label: 'Every hour' },
  { minutes: 240, label: 'Every 4 hours' },
  { minutes: 1440, label: 'Once a day' },
  { minutes: 0, label: 'Only when I ask' },
] as const

export type RefreshMinutes = (typeof REFRESH_CHOICES)[number]['minutes']

const STORAGE_KEY = 'quire.feeds.refresh'
export const DEFAULT_REFRESH: RefreshMinutes = 60

export function isRefreshMinutes(value: unknown): value is RefreshMinutes {
  return REFRESH_CHOICES.some((c) => c.minutes === value)
}

/** The stored interval; anything unknown or unreadable falls back to the default. */
export function loadRefreshMinutes(): RefreshMinutes {
  try {
    const stored = Number(localStorage.getItem(STORAGE_KEY) ?? NaN)
    return isRefreshMinutes(stored) ? stored : DEFAULT_REFRESH
  } catch {
    return DEFAULT_REFRESH
  }
}

export function saveRefreshMinutes(minutes: RefreshMinutes): void {
  try {
    localStorage.setItem(STORAGE_KEY, String(minutes))
  } catch {
    // Without storage the choice lasts until the window closes.
  }
}
