// Where an archive is synced and how its last merge went, read from the folder alone (no
// lock taken): for `quire sync-status` and Settings.
import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { LastMergeSchema, type SyncStatusView } from '../../../../shared/sync.ts'
import { archiveLayout, LOCAL_DIR } from '../layout.ts'
import { parseConflictName } from './conflict-names.ts'
import { isDeviceId } from '../device.ts'
import type { EventPayload } from '../../../../shared/events.ts'
import { displayPath } from '../display-path.ts'
import { syncStatePath, unmergedDir, type SyncMergeReport } from './merge-files.ts'

/**
 * The contract's view (shared/sync.ts) with the synced folder as a full path and the
 * device's id at the top level (`quire sync-status --json` has always said `deviceId`).
 */
export type { SyncMergeReport }

export interface SyncStatus extends SyncStatusView {
  deviceId: string
}

type Engine = NonNullable<SyncStatusView['provider']>

/** Marks each engine leaves in the synced folder or one above it. */
const MARKS: [string, Engine][] = [
  ['.stfolder', 'Syncthing'],
  ['.dropbox', 'Dropbox'],
  ['.dropbox.cache', 'Dropbox'],
  ['.nextcloudsync.log', 'Nextcloud'],
  ['.owncloudsync.log', 'ownCloud'],
]

function byPath(folder: string): { provider: Engine; folder: string } | null {
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

export function detectProvider(root: string): { provider: Engine; folder: string } | null {
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
  // Our own file, but read as untrusted: one that does not parse reads as no merge yet.
  const lastMerge = await readFile(syncStatePath(layout), 'utf8')
    .then((t) => LastMergeSchema.safeParse(JSON.parse(t)).data ?? null)
    .catch(() => null)
  // Devices known to the archive (quire.json, synced) and those with a folder here (a cloud
  // folder carries them; Syncthing does not): either alone misses some.
  const listed = await readFile(layout.manifest, 'utf8')
    .then((t) => (JSON.parse(t) as { devices?: unknown }).devices)
    .catch(() => undefined)
  const folders = await readdir(join(root, LOCAL_DIR)).catch(() => [] as string[])
  const devices = new Set([
    layout.deviceId,
    ...folders.filter(isDeviceId),
    ...(Array.isArray(listed) ? listed.filter((d) => typeof d === 'string' && isDeviceId(d)) : []),
  ])
  return {
    provider: found?.provider ?? null,
    syncedFolder: found?.folder ?? null,
    ignoresWritten: stignore.includes(`/${LOCAL_DIR}`),
    deviceId: layout.deviceId,
    device: { id: layout.deviceId, name: hostname() },
    devices: [...devices].sort(),
    pending: pending.sort(),
    lastMerge,
    unmergedFolder: relative(root, unmergedDir(layout)).split(sep).join('/'),
    unmergedKept: (await readdir(unmergedDir(layout)).catch(() => [] as string[])).sort(),
  }
}

/** The status as the contract gives it to the UI: the synced folder as the person knows it. */
export function syncStatusView(s: SyncStatus): SyncStatusView {
  const { deviceId: _id, ...view } = s
  return { ...view, syncedFolder: s.syncedFolder && displayPath(s.syncedFolder) }
}

/** What the UI hears when a merge happened while the archive was open. */
export function syncMergedEvent(r: SyncMergeReport): EventPayload<'sync:merged'> {
  return {
    at: r.at,
    files: r.merged.length,
    records: r.changed.length,
    unmerged: r.unmerged.length,
  }
}

/** The status in lines for a person. */
export function formatSyncStatus(s: SyncStatus): string {
  const lines = [
    s.provider
      ? `Synced by ${s.provider} (${s.syncedFolder})`
      : 'No sync engine found for this folder',
    `This device: ${s.deviceId} (${s.device.name}); devices seen: ${s.devices.join(', ')}`,
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
  if (s.unmergedKept.length)
    lines.push(
      `Copies that could not be merged, kept in ${s.unmergedFolder}: ${s.unmergedKept.join(', ')}`,
    )
  return lines.join('\n')
}
