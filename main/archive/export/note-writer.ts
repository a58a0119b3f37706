// Atomic file writes for a batch of notes in one folder: each file is written to a temp
// name, fsynced and renamed into place; the folders are fsynced once at the end, not once
// per file (a vault export writes a thousand files, and each directory sync costs a disk flush).
import { dirname } from 'node:path'
import { replaceFile, syncDirectory, type FileWriter } from '../store/atomic-write.ts'

export interface BatchWriter {
  write: FileWriter
  /** Make the renames durable: fsync every folder written into. */
  finish(): Promise<void>
}

export function batchWriter(): BatchWriter {
  const dirs = new Set<string>()
  return {
    async write(path, data) {
      await replaceFile(path, data)
      dirs.add(dirname(path))
    },
    async finish() {
      for (const dir of dirs) await syncDirectory(dir)
    },
  }
}
