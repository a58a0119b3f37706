// Settings > Sync in words: what the sync state means for the person, kept apart from the
// component so it can be tested without a page.
import type { SyncStatusView } from '../../../shared/api.ts'
import { plural } from '../ui/format/article-meta.ts'

/** The engine line: who keeps this folder in step, or that nobody does. */
export function engineLabel(s: SyncStatusView): string {
  return s.provider ? `Synced by ${s.provider}` : 'Not in a synced folder'
}

/** What the engine line means for this archive. */
export function engineHint(s: SyncStatusView): string {
  if (!s.provider)
    return 'No Syncthing, Dropbox, iCloud, OneDrive, Nextcloud or Google Drive folder holds this archive. To use it on two machines, put it in one.'
  if (s.provider === 'Syncthing')
    return s.ignoresWritten
      ? "Each device's lock, journal, index and backups stay out of sync (.stignore)."
      : 'The .stignore that keeps device state out of sync is written the next time Quire opens.'
  return 'Each device writes only its own state folder, so the engine never makes a conflict of it.'
}

/** "7 Dec 2026, 14:03", or the text as it came when it is not a date. */
export function mergeTime(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })
}

/** The last merge in one line: how many copies and records, and notes kept twice. */
export function mergeSummary(m: NonNullable<SyncStatusView['lastMerge']>): string {
  const kept = m.merged.reduce((n, f) => n + f.notesKeptBoth, 0)
  const parts = [
    m.merged.length
      ? `${plural(m.merged.length, 'file')} merged, ${plural(m.records, 'article')} changed`
      : 'Nothing merged',
  ]
  if (kept) parts.push(`${plural(kept, 'note')} edited on both devices kept both texts`)
  if (m.unmerged.length) parts.push(`${m.unmerged.length} could not be merged`)
  return parts.join(' · ')
}

/** What the waiting conflict copies mean. */
export function pendingText(pending: readonly string[]): string {
  if (!pending.length) return 'None waiting'
  return `${plural(pending.length, 'copy', 'copies')} waiting; Quire merges them within seconds`
}
