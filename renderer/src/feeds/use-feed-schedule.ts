// Refreshes the feeds on the interval chosen in Settings > Feeds while the app runs. Quietly:
// nothing is said unless new articles arrived, and a failure waits for the next interval.
import { useEffect, useRef } from 'react'
import type { QuireClient } from '../../../shared/api.ts'
import { loadRefreshMinutes } from '../settings/index.ts'
import type { Toasts } from '../ui/use-toasts.ts'
import { scheduledRefreshToast } from './feed-text.ts'
import { isRefreshDue, TICK_MS } from './refresh-schedule.ts'

/** A moment after start, so opening the window is not slowed by a refresh. */
const FIRST_TICK_MS = 10_000

export function useFeedSchedule(client: QuireClient, toasts: Toasts, onChanged: () => void) {
  // The latest callbacks, without restarting the clock on every render.
  const latest = useRef({ toasts, onChanged })
  useEffect(() => {
    latest.current = { toasts, onChanged }
  }, [toasts, onChanged])

  useEffect(() => {
    let lastAttemptAt: number | undefined
    let running = false
    let live = true
    const tick = async () => {
      if (running || !live) return
      // Read each time: a new choice in Settings applies without a restart.
      const minutes = loadRefreshMinutes()
      if (minutes === 0) return
      running = true
      try {
        const feeds = await client.call('feeds:list', {})
        if (!isRefreshDue({ minutes, feeds, lastAttemptAt, now: Date.now() })) return
        lastAttemptAt = Date.now()
        const { feeds: done, report } = await client.call('feeds:refresh', {})
        if (!live) return
        if (report.imported > 0) latest.current.onChanged()
        const message = scheduledRefreshToast(report, done.filter((f) => f.lastError).length)
        if (message) latest.current.toasts.show({ message })
      } catch {
        // Offline or read-only: the feeds dialog shows each feed's last error; try next time.
      } finally {
        running = false
      }
    }
    const first = window.setTimeout(() => void tick(), FIRST_TICK_MS)
    const timer = window.setInterval(() => void tick(), TICK_MS)
    return () => {
      live = false
      window.clearTimeout(first)
      window.clearInterval(timer)
    }
  }, [client])
}
