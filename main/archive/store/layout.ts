// Where each part of an archive lives on disk. The only module that builds archive paths.
import { join } from 'node:path'
import { homedir } from 'node:os'
import { ArticleIdSchema } from '../../../shared/model.ts'
import { localDeviceId } from './device.ts'

export const SHARD_COUNT = 256

/**
 * The folder of per-device state, never synced: `.stignore` names it for Syncthing, iCloud
 * skips any name ending in `.nosync`, and for the other providers each device writes only
 * its own subfolder, so they carry it without ever making a conflict copy of it.
 */
export const LOCAL_DIR = '.local.nosync'

export interface ArchiveLayout {
  root: string
  manifest: string
  catalogDir: string
  contentDir: string
  assetsDir: string
  /**
   * Bodies and images the sweep found without an owner, kept a while (synced, so the device
   * whose record has not arrived yet gets its body back: sweep.ts).
   */
  sweptDir: string
  /** This device's id, and its own folder (lock, journal, index, backups, sync state). */
  deviceId: string
  deviceDir: string
  indexDir: string
  backupsDir: string
  /** The write-ahead journal's segments (see journal.ts). */
  journalDir: string
  /** One writer per archive and device (lock.ts). */
  lockFile: string
}

/** The layout of the archive in `root` as this device (or `deviceId`) sees it. */
export function archiveLayout(root: string, deviceId: string = localDeviceId()): ArchiveLayout {
  const deviceDir = join(root, LOCAL_DIR, deviceId)
  return {
    root,
    manifest: join(root, 'quire.json'),
    catalogDir: join(root, 'catalog'),
    contentDir: join(root, 'content'),
    assetsDir: join(root, 'assets'),
    sweptDir: join(root, 'swept'),
    deviceId,
    deviceDir,
    indexDir: join(deviceDir, 'index'),
    backupsDir: join(deviceDir, 'backups'),
    journalDir: join(deviceDir, 'journal'),
    lockFile: join(deviceDir, 'quire.lock'),
  }
}

/** The shard key of an article: the first two hex digits of its (random) id. */
export function shardKey(id: string): string {
  return id.slice(0, 2)
}

export function shardPath(layout: ArchiveLayout, key: string): string {
  return join(layout.catalogDir, `${key}.json`)
}

/** Ids are validated before they become file names, so no id can escape content/. */
export function contentPath(layout: ArchiveLayout, id: string): string {
  return join(layout.contentDir, `${ArticleIdSchema.parse(id)}.html`)
}

/** An earlier body of an article, kept when it was fetched or extracted again. */
export function versionPath(layout: ArchiveLayout, id: string, n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`not a version number: ${n}`)
  return join(layout.contentDir, `${ArticleIdSchema.parse(id)}.v${n}.html`)
}

export function allShardKeys(): string[] {
  return Array.from({ length: SHARD_COUNT }, (_, i) => i.toString(16).padStart(2, '0'))
}

/**
 * The archive folder: `--archive DIR` beats `QUIRE_ARCHIVE`, which beats `~/Quire`.
 */
export function resolveArchiveRoot(flag: string | undefined, env = process.env): string {
  if (flag) return flag
  if (env.QUIRE_ARCHIVE) return env.QUIRE_ARCHIVE
  return join(homedir(), 'Quire')
}
