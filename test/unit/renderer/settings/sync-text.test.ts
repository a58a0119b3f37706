import { describe, expect, it } from 'vitest'
import type { SyncStatusView } from '../../../../shared/api.ts'
import {
  engineHint,
  engineLabel,
  mergeSummary,
  mergeTime,
  pendingText,
} from '../../../../renderer/src/settings/sync-text.ts'
import { heardText } from '../../../../renderer/src/settings/use-sync-status.ts'

const base: SyncStatusView = {
  provider: null,
  syncedFolder: null,
  ignoresWritten: false,
  device: { id: 'a1', name: 'desk' },
  devices: ['a1'],
  pending: [],
  lastMerge: null,
  unmergedFolder: '.local.nosync/a1/unmerged',
  unmergedKept: [],
}

describe('Settings > Sync in words', () => {
  it('names the engine, or says none holds the archive', () => {
    expect(engineLabel(base)).toBe('Not in a synced folder')
    expect(engineHint(base)).toMatch(/put it in one/)
    const st = { ...base, provider: 'Syncthing' as const, syncedFolder: '~/Sync' }
    expect(engineLabel(st)).toBe('Synced by Syncthing')
    expect(engineHint(st)).toMatch(/written the next time/)
    expect(engineHint({ ...st, ignoresWritten: true })).toMatch(/\.stignore/)
    expect(engineHint({ ...st, provider: 'Dropbox' })).toMatch(/its own state folder/)
  })

  it('sums up the last merge: files, articles, notes kept twice, copies set aside', () => {
    const merged = { file: 'catalog/5c.json', provider: null, records: 2, notesKeptBoth: 1 }
    const m = { at: '2026-12-08T01:53:00.000Z', merged: [merged], unmerged: [], records: 2 }
    expect(mergeSummary(m)).toBe(
      '1 file merged, 2 articles changed · 1 note edited on both devices kept both texts',
    )
    const aside = { file: 'x', reason: 'bad', keptAt: 'y' }
    expect(mergeSummary({ ...m, merged: [], records: 0, unmerged: [aside] })).toBe(
      'Nothing merged · 1 could not be merged',
    )
  })

  it('keeps a time it cannot read as it came, and counts waiting copies', () => {
    expect(mergeTime('not a date')).toBe('not a date')
    expect(mergeTime('2026-12-08T01:53:00.000Z')).toMatch(/2026/)
    expect(pendingText([])).toBe('None waiting')
    expect(pendingText(['a', 'b'])).toMatch(/^2 copies waiting/)
  })

  it('says what a merge heard while open brought', () => {
    const e = { at: 'x', files: 1, records: 0, unmerged: 0 }
    expect(heardText(e)).toMatch(/nothing here needed to change/)
    expect(heardText({ ...e, records: 3 })).toMatch(/3 articles changed/)
    expect(heardText({ ...e, unmerged: 2 })).toMatch(/2 copies could not be merged/)
  })
})
