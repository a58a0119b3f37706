// Splitting a byline name into family and given parts for citation formats.

export interface NameParts {
  family: string
  given: string
}

/** Lowercase particles that belong to the family name ("Ludwig van Beethoven"). */
const PARTICLES = new Set([
  'van',
  'von',
  'de',
  'der',
  'den',
  'da',
  'di',
  'del',
  'della',
  'la',
  'le',
  'du',
  'bin',
  'ibn',
])

/**
 * "Doe, Jane" → Doe / Jane; "Jane Doe" → Doe / Jane; "Ludwig van Beethoven" → van Beethoven;
 * a single word ("Reuters", "Madonna") → family only, given ''.
 */
export function splitName(raw: string): NameParts {
  const name = raw.replace(/\s+/g, ' ').trim()
  const comma = name.indexOf(',')
  if (comma > 0) {
    return { family: name.slice(0, comma).trim(), given: name.slice(comma + 1).trim() }
  }
  const words = name.split(' ')
  if (words.length === 1) return { family: name, given: '' }
  let i = words.length - 1
  while (i > 1 && PARTICLES.has(words[i - 1]!)) i--
  return { family: words.slice(i).join(' '), given: words.slice(0, i).join(' ') }
}

/** Year, month and day of an ISO date; [] when it is not one. */
export function dateParts(iso: string | undefined): number[] {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso ?? '')
  if (!m) return []
  return [m[1], m[2], m[3]].filter((p): p is string => p !== undefined).map(Number)
}
