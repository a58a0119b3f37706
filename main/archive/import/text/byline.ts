// Recognises a byline line ("By Jane Doe, Associated Press") and splits it into authors and affiliation.
import { collapseSpaces } from './lines.ts'

export type Byline = { raw: string; authors: string[]; affiliation?: string }

// Longer lines are prose that happens to start with "By".
const MAX_BYLINE_LENGTH = 120
const MAX_NAME_WORDS = 5

const PREFIX = /^(?:(?:written|reported|words|story|text)\s+)?by\s*:?\s+/i
// "By Jane Doe | Reuters", "By Jane Doe - Reuters": the part after the bar is who she writes for.
const BAR = /\s+[-–—|•·]\s+|\s*\|\s*/
const AND = /\s+(?:and|&|und|et|ve)\s+/i
const LEADING_AND = /^(?:and|&)\s+/i

// Words that mark an organisation or a role rather than a person's name.
const AFFILIATION_WORDS = new Set(
  (
    'press news newswire wire wires reuters afp ap aa dpa upi efe ansa xinhua tass anadolu ' +
    'agency agence agencies staff writer writers reporter reporters correspondent correspondents ' +
    'editor editors columnist contributor contributing bureau desk team times post journal ' +
    'herald tribune gazette guardian telegraph independent observer daily weekly magazine media ' +
    'network bbc cnn bloomberg associated online service chief senior special political foreign ' +
    'diplomatic economics business health science technology sports sport analyst'
  ).split(' '),
)

// Lower-case words allowed inside an affiliation ("Editor of the Year", "Chief for Europe").
const CONNECTORS = new Set(['of', 'for', 'the', 'and', 'in', 'at', 'on', 'de', 'du', 'la', '&'])

// Name particles that stay lower case inside a name ("Ursula von der Leyen", "Ahmed al-Asmar").
const PARTICLES = new Set(
  'al el de del della der den di da dos das du la le van von bin ibn ter'.split(' '),
)

const NAME_WORD = /^(?:\p{Lu}[\p{L}\p{M}'’.-]*|(?:al|el)-\p{Lu}[\p{L}\p{M}'’-]*)$/u

/**
 * Parses a byline, or returns undefined when the line is not one. Names written in capitals
 * are title-cased; an organisation or role after a comma or bar goes to `affiliation`.
 */
export function parseByline(line: string): Byline | undefined {
  const raw = collapseSpaces(line)
  if (raw.length > MAX_BYLINE_LENGTH) return undefined
  const prefix = PREFIX.exec(raw)
  if (!prefix) return undefined
  const [people = '', ...barred] = raw
    .slice(prefix[0].length)
    .replace(/\.$/, '')
    .split(BAR)
    .map((part) => part.trim())
  const segments = people.split(/\s*,\s*/).filter((segment) => segment !== '')
  const split = splitAffiliation(segments)
  const affiliationParts = [...split.affiliation, ...barred.filter((part) => part !== '')]
  if (!affiliationParts.every(isAffiliationLike)) return undefined
  const authors = split.names
    .flatMap((segment) => segment.replace(LEADING_AND, '').split(AND))
    .map(stripLocation)
  if (!authors.every(isNameLike)) return undefined
  if (authors.length === 0 && affiliationParts.length === 0) return undefined
  const affiliation = affiliationParts.join(', ')
  return {
    raw,
    authors: authors.map((name) => (/\p{Ll}/u.test(name) ? name : titleCaseName(name))),
    ...(affiliation ? { affiliation } : {}),
  }
}

/** Title-cases a name written in capitals, keeping particles lower case: "AHMED AL-ASMAR". */
export function titleCaseName(name: string): string {
  return name
    .split(' ')
    .map((word, index) => {
      // 'İ' lower-cases to 'i' plus a combining dot; Turkish names want a plain 'i'.
      const lower = word.replace(/İ/g, 'i').toLowerCase()
      if (index > 0 && PARTICLES.has(lower)) return lower
      const sameLength = lower.length === word.length
      const cased = lower.replace(
        /(^|[-'’.])(\p{L})/gu,
        (_match, sep: string, letter: string, offset: number) =>
          sep + (sameLength ? (word[offset + sep.length] ?? letter) : letter.toUpperCase()),
      )
      return index > 0 && /^(?:al|el)-/.test(lower) ? lower.slice(0, 3) + cased.slice(3) : cased
    })
    .join(' ')
}

// The first comma-separated segment that looks like an organisation or a role starts the
// affiliation. So does a last segment without "and": lists of names end "B and C" (or ", and C").
function splitAffiliation(segments: readonly string[]): { names: string[]; affiliation: string[] } {
  const at = segments.findIndex(
    (segment, index) =>
      hasAffiliationWord(segment) ||
      (index > 0 &&
        index === segments.length - 1 &&
        !AND.test(segment) &&
        !LEADING_AND.test(segment)),
  )
  if (at < 0) return { names: [...segments], affiliation: [] }
  return { names: segments.slice(0, at), affiliation: segments.slice(at) }
}

function hasAffiliationWord(segment: string): boolean {
  return segment
    .toLowerCase()
    .split(/[\s/]+/)
    .some((word) => AFFILIATION_WORDS.has(word))
}

function isAffiliationLike(segment: string): boolean {
  if (/[.!?]$/.test(segment)) return false
  return segment
    .split(' ')
    .every((word) => /^[\p{Lu}\p{N}&]/u.test(word) || CONNECTORS.has(word.toLowerCase()))
}

// "Jane Doe in Washington" names Jane Doe; where she filed from is not part of her name.
function stripLocation(name: string): string {
  return name.replace(/\s+in\s+\p{Lu}[\p{L}\s.'’-]*$/u, '')
}

function isNameLike(name: string): boolean {
  const words = name.split(' ')
  if (words.length < 2 || words.length > MAX_NAME_WORDS) return false
  const [first = ''] = words
  return (
    NAME_WORD.test(first) &&
    words.every((word) => NAME_WORD.test(word) || PARTICLES.has(word.toLowerCase()))
  )
}
