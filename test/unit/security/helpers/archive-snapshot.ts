// A fingerprint of an archive folder: every file's path and SHA-256, minus the derived
// per-device folder (index, lock, journal), so a refused call can be shown to have written nothing.
import { createHash } from 'node:crypto'
import { readdir, readFile, stat } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'

/** Derived or per-process: rewritten without any user-visible change. */
const IGNORED = /^\.local\.nosync\/[^/]+\/(?:index\/|quire\.lock$)/

/** Maps each file's path (relative, `/`-separated) to its SHA-256, sorted by path. */
export async function snapshotArchive(root: string): Promise<Map<string, string>> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true })
  const files = entries
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'))
    .filter((rel) => !IGNORED.test(rel))
    .sort()
  const out = new Map<string, string>()
  for (const rel of files) out.set(rel, await hashOf(join(root, rel)))
  return out
}

/** Hashes by path, reused while inode, size and times are unchanged: most calls write nothing. */
const hashes = new Map<string, { stamp: string; hash: string }>()

async function hashOf(path: string): Promise<string> {
  const st = await stat(path, { bigint: true })
  const stamp = `${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`
  const known = hashes.get(path)
  if (known?.stamp === stamp) return known.hash
  const hash = createHash('sha256')
    .update(await readFile(path))
    .digest('hex')
  hashes.set(path, { stamp, hash })
  return hash
}

/** Human-readable differences between two snapshots; empty when identical. */
export function diffSnapshots(before: Map<string, string>, after: Map<string, string>): string[] {
  const diffs: string[] = []
  for (const [path, hash] of before) {
    const now = after.get(path)
    if (now === undefined) diffs.push(`removed ${path}`)
    else if (now !== hash) diffs.push(`changed ${path}`)
  }
  for (const path of after.keys()) if (!before.has(path)) diffs.push(`added ${path}`)
  return diffs
}
