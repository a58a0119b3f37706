// The real search index worker, except that a search arriving while the file named by
// QUIRE_TEST_CRASH_MARKER exists deletes the file and runs the process out of heap: a real V8
// fatal error, under the heap cap the app passed. Without a cap it refuses to allocate (it
// would take gigabytes) and exits with 70, which the test reports as a missing cap.
import { existsSync, unlinkSync } from 'node:fs'
import { getHeapStatistics } from 'node:v8'

interface ParentPort {
  on(event: 'message', fn: (e: { data: { req?: { type?: string } } }) => void): void
}

const marker = process.env.QUIRE_TEST_CRASH_MARKER
const port = (process as unknown as { parentPort: ParentPort }).parentPort
// Registered before the worker's own listener, so it runs first.
port.on('message', ({ data }) => {
  if (data.req?.type !== 'search' || !marker || !existsSync(marker)) return
  unlinkSync(marker)
  if (getHeapStatistics().heap_size_limit > 1024 * 1024 * 1024) process.exit(70)
  const hog: number[][] = []
  for (;;) hog.push(new Array(100_000).fill(Math.random()))
})

await import('../../../../../../main/archive/search/index-worker.ts')
