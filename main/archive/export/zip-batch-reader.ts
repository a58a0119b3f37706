// Reads many entries of an in-memory zip without a pass over the whole zip per entry (which
// is quadratic for a backup with thousands of images) and without inflating them all at
// once: each pass inflates the entry asked for plus the next ones up to a byte budget.
import { unzipSync } from 'fflate'

const DEFAULT_BUDGET = 128 * 1024 * 1024

/** A reader of the entries `wanted`; each is returned once (then forgotten), or null. */
export function zipBatchReader(
  zip: Uint8Array,
  wanted: Iterable<string>,
  budget = DEFAULT_BUDGET,
): (name: string) => Uint8Array | null {
  const pending = new Set(wanted)
  const cache = new Map<string, Uint8Array>()
  return (name) => {
    if (!cache.has(name) && pending.has(name)) {
      let room = budget
      const got = unzipSync(zip, {
        filter: (f) => {
          if (!pending.has(f.name) || cache.has(f.name)) return false
          if (f.name !== name && f.originalSize > room) return false
          room -= f.originalSize
          return true
        },
      })
      for (const [n, data] of Object.entries(got)) cache.set(n, data)
    }
    const data = cache.get(name) ?? null
    cache.delete(name)
    pending.delete(name)
    return data
  }
}
