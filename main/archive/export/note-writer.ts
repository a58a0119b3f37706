// Atomic file writes for a batch of notes in one folder: each file is written to a temp
// name, fsynced and renamed into place; the folders are fsynced once at the end, not once
// per file (a vault export writes a thousand files, and each directory sync costs a disk flush).
import { open, rename, unlink } from 'node:fs/promises'
import { dirname } from 'node:path'
import { syncDirectory, tempPathFor, type FileWriter } from '../store/atomic-write.ts'

export interface BatchWriter {
  write: FileWriter
  /** Make the renames durable: fsync every folder written into. */
  finish(): Promise<void>
}

export function batchWriter(): BatchWriter {
  const dirs = new Set<string>()
  return {
    async write(path, data) {
      const tmp = tempPathFor(path)
      const handle = await open(tmp, 'wx', 0o644)
      try {
        await handle.writeFile(data)
        await handle.sync()
      } catch (err) {
        await handle.close().catch(() => {})
        await unlink(tmp).catch(() => {})
        throw err
      }
      await handle.close()
      try {
        await rename(tmp, path)
      } catch (err) {
        await unlink(tmp).catch(() => {})
        throw err
      }
      dirs.add(dirname(path))
    },
    async finish() {
      for (const dir of dirs) await syncDirectory(dir)
    },
  }
}
