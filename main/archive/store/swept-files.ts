// Where the sweep puts what it finds without an owner: swept/content and swept/assets, in
// the synced folder, never deleted at once. With folder sync a body can arrive before the
// shard that names it (another device wrote the body, its record waits in that device's
// journal for a checkpoint, or the sync engine simply carried the files in another order):
// a body moved aside here, not deleted, goes back when its record turns up, on this device
// or on the one that wrote it. What stays unclaimed is deleted after SWEPT_KEEP_MS.
import { mkdir, readdir, readFile, rename, stat, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import type { Catalog } from './catalog.ts'
import type { ArchiveLayout } from './layout.ts'

/** How long a swept file waits for its owner before it is deleted for good. */
export const SWEPT_KEEP_MS = 30 * 24 * 60 * 60 * 1000

const BODY_NAME = /^([0-9a-f]{16})(?:\.v(\d+))?\.html$/
const ASSET_REF = /assets\/([0-9a-f]{64}\.(?:png|jpg|gif|webp|avif|bmp|ico))/g

function sweptContent(layout: ArchiveLayout): string {
  return join(layout.sweptDir, 'content')
}

function sweptAssets(layout: ArchiveLayout): string {
  return join(layout.sweptDir, 'assets')
}

/** Move a body (or version) aside. False when it could not be moved (it stays). */
export async function sweepBody(layout: ArchiveLayout, name: string): Promise<boolean> {
  return moveTo(join(layout.contentDir, name), sweptContent(layout), name)
}

/** Move an image aside. False when it could not be moved (it stays). */
export async function sweepAsset(layout: ArchiveLayout, name: string): Promise<boolean> {
  return moveTo(join(layout.assetsDir, name), sweptAssets(layout), name)
}

/**
 * Put back the swept bodies whose record is here now, with the images they use, and
 * delete what has waited longer than SWEPT_KEEP_MS. Returns how many bodies came back.
 * Never throws on one file.
 */
export async function reclaimSwept(
  layout: ArchiveLayout,
  catalog: Catalog,
  nowMs: number,
  /** False: only put back what is owned (the merge's look every few seconds). */
  expire = true,
): Promise<number> {
  let restored = 0
  const dir = sweptContent(layout)
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const m = BODY_NAME.exec(name)
    const path = join(dir, name)
    const record = m ? catalog.get(m[1]!) : undefined
    const owned =
      record && (m![2] === undefined || record.versions?.some((v) => v.n === Number(m![2])))
    if (owned) {
      const html = await readFile(path, 'utf8').catch(() => '')
      for (const a of html.matchAll(ASSET_REF)) {
        await moveTo(join(sweptAssets(layout), a[1]!), layout.assetsDir, a[1]!)
      }
      // A body that arrived again in content/ meanwhile wins: it is the synced one.
      if (await isFile(join(layout.contentDir, name))) await unlink(path).catch(() => {})
      else if (await moveTo(path, layout.contentDir, name)) restored++
    } else if (expire) await deleteIfOlder(path, nowMs)
  }
  if (!expire) return restored
  for (const name of await readdir(sweptAssets(layout)).catch(() => [] as string[])) {
    await deleteIfOlder(join(sweptAssets(layout), name), nowMs)
  }
  return restored
}

async function moveTo(from: string, dir: string, name: string): Promise<boolean> {
  try {
    await mkdir(dir, { recursive: true })
    await rename(from, join(dir, name))
    return true
  } catch {
    return false
  }
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isFile() ?? false
}

/**
 * By the inode change time: the move aside (a rename) sets it, and a sync engine writing it
 * here sets it, so the wait counts from when the file came to swept/ on this device.
 */
async function deleteIfOlder(path: string, nowMs: number): Promise<void> {
  const s = await stat(path).catch(() => null)
  if (s?.isFile() && s.ctimeMs < nowMs - SWEPT_KEEP_MS) await unlink(path).catch(() => {})
}
