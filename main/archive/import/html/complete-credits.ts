// The people a page's first credit names, completed by the page's other credits: the first
// source found (JSON-LD, then the meta tags, then the visible byline) often names fewer
// people than the page shows ("Isabel Caro" where the byline reads "Isabel Caro, Rocío
// Latorre"), or names them as a login ("arianschlichenmayer") or a first name ("Nils")
// where another source writes the full name. Another source replaces or completes the
// first only when it agrees with it: it names every person the first names.
import { nameKey } from '../../../../shared/credits.ts'

/** True when `other` writes the same person as `name`, or `name` in full ("Nils" -> "Nils Pickert"). */
function sameOrFuller(name: string, other: string): boolean {
  if (nameKey(name) === nameKey(other)) return true
  return !/\s/.test(name) && wordCount(other) <= 3 && other.startsWith(`${name} `)
}

/** The fuller writing of a name: words over a login or a lone first name. */
function fuller(name: string, other: string): string {
  return wordCount(other) > wordCount(name) ? other : name
}

/**
 * `people` completed by the later sources: a stated source (`stated`: JSON-LD, meta tags) that
 * names all of them and more replaces them, and a name written in full in any later source,
 * the visible byline included (`shown`), is taken in full. The byline's list never replaces a
 * stated one: it also gathers the writers of teasers and related articles.
 */
export function completeCredits(people: string[], stated: string[][], shown: string[]): string[] {
  let out = people
  for (const other of stated) {
    if (other.length <= out.length || !distinct(other)) continue
    if (out.every((p) => other.some((o) => sameOrFuller(p, o)))) out = other
  }
  return out.map((p) => {
    for (const other of [...stated, shown]) {
      const o = other.find((x) => sameOrFuller(p, x))
      if (o) return fuller(p, o)
    }
    return p
  })
}

/** No name in the list is another's start ("Ann Lee" beside "Ann Lee1", "Ann LeeStaff"). */
function distinct(list: string[]): boolean {
  const keys = list.map(nameKey)
  return keys.every((k, i) => keys.every((o, j) => i === j || !o.startsWith(k)))
}

function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length
}
