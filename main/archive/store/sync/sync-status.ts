// Where an archive is synced and how its last merge went, read from the folder alone (no
// lock taken): for `quire sync-status` and Settings.
import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { dirname, join, resolve, sep } from 'node:path'
import { archiveLayout, LOCAL_DIR } from '../layout.ts'
import { parseConflictName } from './conflict-names.ts'
import { syncStatePath, type MergedFile, type UnmergedFile } from './merge-files.ts'

export interface SyncStatus {
  /** The sync engine the folder is in, as far as its marks tell; null when none is seen. */
  provider: string | null
  /** The folder the engine syncs (where its mark is), or null. */
  syncedFolder: string | null
  /** Whether `.stignore` keeps this device's state out of Syncthing. */
  ignoresWritten: boolean
  deviceId: string
  /** Devices that have written to this archive (their folders in .local.nosync). */
  devices: string[]
  /** Conflict copies waiting to be merged (the next open or look merges them). */
  pending: string[]
  lastMerge: { at: string; merged: MergedFile[]; unmerged: UnmergedFile[]; records: number } | null
}

/** Marks each engine leaves in the synced folder or one above it. */
const MARKS: [string, string][] = [
  ['.stfolder', 'Syncthing'],
  ['.dropbox', 'Dropbox'],
  ['.dropbox.cache', 'Dropbox'],
  ['.nextcloudsync.log', 'Nextcloud'],
  ['.owncloudsync.log', 'ownCloud'],
]

function byPath(folder: string): { provider: string; folder: string } | null {
  const parts = folder.split(sep)
  const i = parts.findIndex(
    (p) =>
      /^OneDrive( - .+)?$/.test(p) ||
      p === 'Mobile Documents' ||
      p === 'My Drive' ||
      p === 'Google Drive',
  )
  if (i < 0) return null
  const p = parts[i]!
  const provider = p.startsWith('OneDrive')
    ? 'OneDrive'
    : p === 'Mobile Documents'
      ? 'iCloud Drive'
      : 'Google Drive'
  return { provider, folder: parts.slice(0, i + 1).join(sep) }
}

export function detectProvider(root: string): { provider: string; folder: string } | null {
  let dir = resolve(root)
  for (;;) {
    for (const [mark, provider] of MARKS)
      if (existsSync(join(dir, mark))) return { provider, folder: dir }
    const up = dirname(dir)
    if (up === dir) break
    dir = up
  }
  return byPath(resolve(root))
}

/**
 * Whether another device may still claim what this one deletes for good: the folder is in a
 * sync engine's care, or another device has written to the archive (quire.json's devices).
 * A record deleted for good here comes back when the other device edited it afterwards
 * (merge-record.ts), and its body must still be there for it, so emptying the trash
 * moves bodies aside to swept/ instead of deleting them (deleted 30 days later).
 */
export function mayBeClaimedElsewhere(root: string, devices: readonly string[] = []): boolean {
  return devices.length > 1 || detectProvider(root) !== null
}

export async function syncStatus(root: string): Promise<SyncStatus> {
  const layout = archiveLayout(root)
  const found = detectProvider(root)
  const stignore = await readFile(join(root, '.stignore'), 'utf8').catch(() => '')
  const pending: string[] = []
  for (const [dir, rel] of [
    [layout.catalogDir, 'catalog/'],
    [root, ''],
  ] as const) {
    for (const name of await readdir(dir).catch(() => [] as string[])) {
      if (parseConflictName(name)) pending.push(`${rel}${name}`)
    }
  }
  const lastMerge = await readFile(syncStatePath(layout), 'utf8')
    .then((t) => JSON.parse(t) as SyncStatus['lastMerge'])
    .catch(() => null)
  return {
    provider: found?.provider ?? null,
    syncedFolder: found?.folder ?? null,
    ignoresWritten: stignore.includes(`/${LOCAL_DIR}`),
    deviceId: layout.deviceId,
    devices: (await readdir(join(root, LOCAL_DIR)).catch(() => [] as string[])).sort(),
    pending: pending.sort(),
    lastMerge,
  }
}

/** The status in lines for a person. */
export function formatSyncStatus(s: SyncStatus): string {
  const lines = [
    s.provider
      ? `Synced by ${s.provider} (${s.syncedFolder})`
      : 'No sync engine found for this folder',
    `This device: ${s.deviceId}; devices seen: ${s.devices.join(', ') || 'none'}`,
    `.stignore keeps per-device state out of Syncthing: ${s.ignoresWritten ? 'yes' : 'no (written at the next open)'}`,
    s.pending.length
      ? `Conflict copies waiting to be merged: ${s.pending.join(', ')}`
      : 'No conflict copies waiting',
  ]
  const m = s.lastMerge
  if (!m) lines.push('Last merge: none yet')
  else {
    const kept = m.merged.reduce((n, f) => n + f.notesKeptBoth, 0)
    lines.push(
      `Last merge: ${m.at}: ${m.merged.length} file(s), ${m.records} record(s) changed` +
        (kept ? `, ${kept} note(s) edited on both sides kept both texts` : ''),
    )
    for (const u of m.unmerged)
      lines.push(`  not merged: ${u.file} (${u.reason}); kept at ${u.keptAt}`)
  }
  return lines.join('\n')
}
