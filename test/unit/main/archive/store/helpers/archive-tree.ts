// Every file under a folder with a hash of its bytes, to show that a failed write changed
// nothing on disk.
import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'

export async function archiveTree(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const path = join(entry.parentPath, entry.name)
    out[relative(root, path)] = createHash('sha256')
      .update(await readFile(path))
      .digest('hex')
  }
  return out
}
