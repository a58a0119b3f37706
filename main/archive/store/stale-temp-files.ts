// Leftovers of writes cut short by a crash: temp files whose writer process is gone. They
// were never renamed into place, so they hold nothing the archive needs.
import { readdir, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { tempFileWriterPid } from './atomic-write.ts'
import { isProcessAlive } from './lock.ts'

/**
 * Remove our temp files in `dirs` whose writer pid is dead. Only the lock holder calls this,
 * so no live writer of this archive can own one; a live pid is spared all the same.
 */
export async function removeStaleTempFiles(dirs: string[]): Promise<number> {
  let removed = 0
  await Promise.all(
    dirs.map(async (dir) => {
      const names = await readdir(dir).catch(() => [] as string[])
      for (const name of names) {
        const pid = tempFileWriterPid(name)
        if (pid === null || pid === process.pid || isProcessAlive(pid)) continue
        await unlink(join(dir, name)).then(
          () => removed++,
          () => {},
        )
      }
    }),
  )
  return removed
}
