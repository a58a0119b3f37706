// Nothing on disk without an owner: bodies and versions no record refers to, and images no
// body, version or record refers to, are moved aside at open (swept-files.ts), and deleted
// from there when no record claimed them for SWEPT_KEEP_MS. Only files older than the open
// are touched (the sweep runs before this session's first write, under the writer's lock),
// so a body being written is never one of them; and only files that came here more than
// SWEEP_GRACE_MS ago: with folder sync a body can arrive days before the shard that names
// it (its record waits in the other device's journal until a checkpoint there).
//
// Bodies are cheap to judge (their names say whose they are). Images are judged by reading
// bodies, so not all of them each time: index/sweep.json remembers when images were last
// judged, and only images written since are candidates, judged by the bodies written since
// (an image is written before the body that uses it). Deleting bodies (emptying the trash,
// a restore that replaces) asks for a full pass first, durably, in the same file.
import { mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { writeFileAtomic } from './atomic-write.ts'
import { isAssetName } from './asset-store.ts'
import type { Catalog } from './catalog.ts'
import type { ArchiveLayout } from './layout.ts'
import { mapLimit } from './map-limit.ts'
import { reclaimSwept, sweepAsset, sweepBody } from './swept-files.ts'

export interface SweepResult {
  bodies: number
  versions: number
  assets: number
  bytes: number
  /** Bodies swept earlier whose record has arrived since: put back. */
  restored: number
}

/** Image names in a body's HTML (what the sweep keeps for it). */
export function assetRefs(html: string): string[] {
  return [...html.matchAll(ASSET_REF)].map((m) => m[1]!)
}

/** A body or image younger than this (by its last change here) is never swept. */
export const SWEEP_GRACE_MS = 7 * 24 * 60 * 60 * 1000

interface SweepState {
  /** Images older than this (ms) were judged against every body then. */
  assetsJudgedAt: number
  /** Bodies were deleted since: every image must be judged again. */
  full: boolean
}

/** File times and the clock can disagree by a little (coarse mtimes, clock steps). */
const MARGIN_MS = 2000
const BODY_NAME = /^([0-9a-f]{16})(?:\.v(\d+))?\.html$/
const ASSET_REF = /assets\/([0-9a-f]{64}\.(?:png|jpg|gif|webp|avif|bmp|ico))/g

function statePath(layout: ArchiveLayout): string {
  return join(layout.indexDir, 'sweep.json')
}

/**
 * Ask the next sweep to judge every image: call (and await) before deleting bodies, so a
 * kill between the two still leads to their images going too.
 */
export async function requestFullAssetSweep(layout: ArchiveLayout): Promise<void> {
  const state = await readState(layout)
  if (state.full) return
  await writeState(layout, { ...state, full: true })
}

/**
 * Move aside what no record owns, of the files older than `cutoffMs` and than the grace
 * period before `nowMs`; put back what was swept and is owned now. `released` images (of
 * articles just deleted for good) are judged whatever their age, and deleted when unused.
 * Never throws on one file.
 */
export async function sweepOrphans(
  layout: ArchiveLayout,
  catalog: Catalog,
  cutoffMs: number,
  nowMs: number = Date.now(),
  released: ReadonlySet<string> = new Set(),
  graceMs: number = SWEEP_GRACE_MS,
): Promise<SweepResult> {
  const result: SweepResult = { bodies: 0, versions: 0, assets: 0, bytes: 0, restored: 0 }
  result.restored = await reclaimSwept(layout, catalog, nowMs)
  // Images are judged only once past the grace too; the state below remembers that cutoff.
  cutoffMs = Math.min(cutoffMs, nowMs - graceMs)
  const state = await readState(layout)
  const since = state.full ? -Infinity : state.assetsJudgedAt - MARGIN_MS
  const kept: string[] = []
  for (const name of await readdir(layout.contentDir).catch(() => [] as string[])) {
    const m = BODY_NAME.exec(name)
    if (!m) continue
    const record = catalog.get(m[1]!)
    if (record && (m[2] === undefined || record.versions?.some((v) => v.n === Number(m[2])))) {
      kept.push(name)
      continue
    }
    const path = join(layout.contentDir, name)
    const s = await stat(path).catch(() => null)
    if (!s || changedAt(s) >= cutoffMs) {
      kept.push(name)
    } else if (await sweepBody(layout, name)) {
      result[m[2] === undefined ? 'bodies' : 'versions']++
      result.bytes += s.size
    }
  }

  const assets = (await listFiles(layout.assetsDir, (n) => isAssetName(n))).filter(
    (f) => (f.mtimeMs >= since && f.mtimeMs < cutoffMs) || released.has(f.name),
  )
  if (assets.length) {
    const used = new Set<string>()
    for (const a of catalog.all()) {
      for (const m of (a.leadImage ?? '').matchAll(ASSET_REF)) used.add(m[1]!)
    }
    // Every body for a full pass; else the bodies written since images were last judged.
    const keptSet = new Set(kept)
    const readers = state.full
      ? kept.map((name) => join(layout.contentDir, name))
      : (await listFiles(layout.contentDir, (n) => keptSet.has(n)))
          .filter((f) => f.mtimeMs >= since)
          .map((f) => f.path)
    await mapLimit(readers, 8, async (path) => {
      const html = await readFile(path, 'utf8').catch(() => '')
      for (const m of html.matchAll(ASSET_REF)) used.add(m[1]!)
    })
    for (const f of assets) {
      if (used.has(f.name)) continue
      // Images of articles deleted for good go for good; other unowned ones go aside.
      if (released.has(f.name) ? await remove(f.path) : await sweepAsset(layout, f.name)) {
        result.assets++
        result.bytes += f.size
      }
    }
  }
  await writeState(layout, { assetsJudgedAt: cutoffMs, full: false }).catch(() => {})
  return result
}

interface Listed {
  name: string
  path: string
  /** When the file last changed (see changedAt). */
  mtimeMs: number
  size: number
}

/**
 * The later of the file's modification and inode change times: a file copied in with an
 * old modification time (a sync, a restore) still counts as new, and one being written is
 * young by either.
 */
function changedAt(s: { mtimeMs: number; ctimeMs: number }): number {
  return Math.max(s.mtimeMs, s.ctimeMs)
}

async function listFiles(dir: string, wanted: (name: string) => boolean): Promise<Listed[]> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter(wanted)
  const out: Listed[] = []
  await mapLimit(names, 16, async (name) => {
    const path = join(dir, name)
    const s = await stat(path).catch(() => null)
    if (s?.isFile()) out.push({ name, path, mtimeMs: changedAt(s), size: s.size })
  })
  return out
}

async function remove(path: string): Promise<boolean> {
  try {
    await unlink(path)
    return true
  } catch {
    return false
  }
}

async function readState(layout: ArchiveLayout): Promise<SweepState> {
  try {
    const raw = JSON.parse(await readFile(statePath(layout), 'utf8')) as Partial<SweepState>
    if (typeof raw.assetsJudgedAt === 'number' && typeof raw.full === 'boolean') {
      return { assetsJudgedAt: raw.assetsJudgedAt, full: raw.full }
    }
  } catch {
    // missing or unreadable (index/ is derived and may be deleted): judge every image
  }
  return { assetsJudgedAt: 0, full: true }
}

async function writeState(layout: ArchiveLayout, state: SweepState): Promise<void> {
  await mkdir(layout.indexDir, { recursive: true })
  await writeFileAtomic(statePath(layout), JSON.stringify(state))
}
