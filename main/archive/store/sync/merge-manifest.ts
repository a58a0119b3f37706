// Two copies of quire.json made one: tags, saved searches and feeds as sets (by name or id),
// the same answer whichever copy comes first. What both sides hold differently under one
// key goes to the copy whose entry sorts last (feeds: the later check first), so both
// devices settle on one; a deletion on one side comes back (quire.json keeps no tombstones).
import type { Manifest } from '../manifest.ts'

function json(v: unknown): string {
  return JSON.stringify(v) ?? ''
}

function unionBy<T>(
  a: readonly T[],
  b: readonly T[],
  key: (x: T) => string,
  pick: (p: T, q: T) => T,
): T[] {
  const out = new Map<string, T>()
  for (const x of [...a, ...b]) {
    const k = key(x)
    const had = out.get(k)
    out.set(k, had === undefined ? x : pick(had, x))
  }
  return [...out.entries()].sort(([p], [q]) => (p < q ? -1 : 1)).map(([, x]) => x)
}

const larger = <T>(p: T, q: T): T => (json(p) >= json(q) ? p : q)

export function mergeManifests(a: Manifest, b: Manifest): Manifest {
  if (json(a) === json(b)) return a
  return {
    ...larger(a, b),
    schemaVersion: Math.max(a.schemaVersion, b.schemaVersion),
    createdAt: a.createdAt < b.createdAt ? a.createdAt : b.createdAt,
    tags: unionBy(a.tags, b.tags, (t) => t.name, larger),
    savedSearches: unionBy(a.savedSearches, b.savedSearches, (s) => s.id, larger),
    feeds: unionBy(
      a.feeds,
      b.feeds,
      (f) => f.id,
      (p, q) => {
        const pa = p.lastCheckedAt ?? ''
        const qa = q.lastCheckedAt ?? ''
        return pa === qa ? larger(p, q) : pa > qa ? p : q
      },
    ),
    options: larger(a.options, b.options),
    ...(a.devices || b.devices
      ? { devices: [...new Set([...(a.devices ?? []), ...(b.devices ?? [])])].sort() }
      : {}),
  }
}
