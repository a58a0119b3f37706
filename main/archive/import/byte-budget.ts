// A cap on the bytes of files an import holds in memory at once: sixteen items in flight
// are cheap for text files and ruinous for sixteen 99 MB uploads. An item waits until its
// size fits under the cap; one bigger than the cap runs alone.

/** The bytes an import may hold read at once (the files themselves, not what they become). */
export const IMPORT_BYTES_IN_FLIGHT = 192 * 1024 * 1024

export type Release = () => void

export function byteBudget(cap: number = IMPORT_BYTES_IN_FLIGHT) {
  let held = 0
  let running = 0
  const waiting: { bytes: number; go: () => void }[] = []
  const fits = (bytes: number) => running === 0 || held + bytes <= cap
  const wake = () => {
    // In order: a large item first in line is not starved by small ones behind it.
    while (waiting.length && fits(waiting[0]!.bytes)) {
      const next = waiting.shift()!
      held += next.bytes
      running++
      next.go()
    }
  }
  return {
    /** Resolves once `bytes` may be read; call the release when they are done with. */
    async take(bytes: number): Promise<Release> {
      if (waiting.length || !fits(bytes)) {
        await new Promise<void>((go) => waiting.push({ bytes, go }))
      } else {
        held += bytes
        running++
      }
      let released = false
      return () => {
        if (released) return
        released = true
        held -= bytes
        running--
        wake()
      }
    },
  }
}
