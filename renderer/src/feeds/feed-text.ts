// Words for feeds: when one was last checked, and what a refresh or subscription came to.
import type { ImportReport } from '../../../shared/model.ts'
import { plural } from '../ui/format/article-meta.ts'

const MINUTE = 60_000

/** "just now", "5 minutes ago", "3 hours ago", "2 days ago"; "never" before the first check. */
export function checkedAgo(iso: string | undefined, now: number): string {
  if (!iso) return 'never'
  const t = Date.parse(iso)
  if (Number.isNaN(t)) return 'never'
  const minutes = Math.max(0, Math.floor((now - t) / MINUTE))
  if (minutes < 1) return 'just now'
  if (minutes < 60) return `${plural(minutes, 'minute')} ago`
  const hours = Math.floor(minutes / 60)
  if (hours < 24) return `${plural(hours, 'hour')} ago`
  return `${plural(Math.floor(hours / 24), 'day')} ago`
}

/** "3 new articles", "No new articles", with failures counted when there are some. */
export function newItemsText(report: ImportReport): string {
  const parts = [
    report.imported === 0 ? 'No new articles' : `${plural(report.imported, 'new article')}`,
  ]
  if (report.failed > 0) parts.push(`${plural(report.failed, 'item')} could not be imported`)
  return parts.join('; ')
}

/** The quiet scheduled refresh speaks only when something arrived: null means stay silent. */
export function scheduledRefreshToast(report: ImportReport, failedFeeds: number): string | null {
  if (report.imported === 0) return null
  const base = `${plural(report.imported, 'new article')} from your feeds`
  return failedFeeds > 0 ? `${base} (${plural(failedFeeds, 'feed')} could not be reached)` : base
}

/** The host of a site address for the list ("example.com"), or the address itself. */
export function siteLabel(url: string | undefined): string {
  if (!url) return ''
  try {
    return new URL(url).host
  } catch {
    return url
  }
}
