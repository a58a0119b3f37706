import { describe, expect, it } from 'vitest'
import type { ImportReport } from '../../../../shared/model.ts'
import {
  checkedAgo,
  newItemsText,
  scheduledRefreshToast,
  siteLabel,
} from '../../../../renderer/src/feeds/feed-text.ts'

const now = Date.parse('2026-01-01T12:00:00Z')
const report = (imported: number, failed = 0): ImportReport => ({
  results: [],
  imported,
  duplicates: 0,
  skipped: 0,
  failed,
})

describe('feed text', () => {
  it('says when a feed was checked', () => {
    expect(checkedAgo(undefined, now)).toBe('never')
    expect(checkedAgo('2026-01-01T11:59:40Z', now)).toBe('just now')
    expect(checkedAgo('2026-01-01T11:55:00Z', now)).toBe('5 minutes ago')
    expect(checkedAgo('2026-01-01T11:00:00Z', now)).toBe('1 hour ago')
    expect(checkedAgo('2025-12-29T12:00:00Z', now)).toBe('3 days ago')
  })

  it('counts new articles and failures', () => {
    expect(newItemsText(report(0))).toBe('No new articles')
    expect(newItemsText(report(1))).toBe('1 new article')
    expect(newItemsText(report(3, 2))).toBe('3 new articles; 2 items could not be imported')
  })

  it('keeps the scheduled refresh quiet unless something arrived', () => {
    expect(scheduledRefreshToast(report(0, 4), 2)).toBeNull()
    expect(scheduledRefreshToast(report(2), 0)).toBe('2 new articles from your feeds')
    expect(scheduledRefreshToast(report(1), 1)).toBe(
      '1 new article from your feeds (1 feed could not be reached)',
    )
  })

  it('shows a site by its host', () => {
    expect(siteLabel('https://news.example.org/feed')).toBe('news.example.org')
    expect(siteLabel('not a url')).toBe('not a url')
    expect(siteLabel(undefined)).toBe('')
  })
})
