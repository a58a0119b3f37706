// The author rule of the extraction check. The corpus writes several people as one string
// ("Lars Fischer und Alina Schadwinkel", "A, B & C", "dpa/lno") as often as a list, and
// credits an organisation when no person wrote the page ("Redaktion", "Greenpeace"). Both the
// expected and the extracted credits are split on the same separators, and a page is right
// when the extracted people -- or, when the extractor credits no person, the extracted
// organisations -- are exactly the expected set after folding (case, quotes, dashes,
// trailing punctuation). No substring matching and no partial credit.
//
// Why this is fair rather than generous: the separators are applied identically to both
// sides, so a credit string the extractor copies verbatim scores exactly as before; what the
// rule stops doing is punishing the extractor for splitting "A und B" into two people, which
// the issue asks for. Every expected name must be found and no extra name may be claimed, so
// splitting can never turn a wrong answer into a right one by dropping a name. Commas split
// only between full names, because a lone comma also writes "Last, First" and "Name, Role".
// Organisations stand in only when no person is extracted: the corpus credits "Redaktion" or
// "dpa" as its author when no person wrote the page, and the extractor files those under
// organisations on purpose; when it does claim a person, the people alone are compared, so a
// wrong person beside the right organisation is still wrong.
import { foldLabel, sameSet } from './normalise.ts'

/** The separators, stated once so the tool's output and the README say the same thing. */
export const CREDIT_RULE =
  'credits split on ";", "," between full names, " und ", " and ", " et ", " y ", " e ", "&", "/"; ' +
  'right when the people (else, with no person, the organisations) equal the expected set'

const SEPARATOR = /\s*(?:;|&|\/|\s(?:und|and|et|y|e)\s)\s*/iu

/**
 * One credit string to its names: split on the separators above, and on commas only when
 * every piece between them is a full name (two words or more), so "Fischer, Lars" and
 * "Ann Lee, PhD" stay whole.
 */
export function splitCredit(credit: string): string[] {
  return credit
    .split(SEPARATOR)
    .flatMap((part) => {
      const pieces = part.split(',').map((p) => p.trim())
      const full = pieces.every((p) => p.split(/\s+/).filter(Boolean).length >= 2)
      return pieces.length > 1 && full ? pieces : [part]
    })
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
}

/** The credits as a set of folded names, each credit split first. */
export function creditSet(credits: readonly string[]): Set<string> {
  return new Set(
    credits
      .flatMap(splitCredit)
      .map(foldLabel)
      .filter((n) => n.length > 0),
  )
}

/** True when the extracted credits match the expected ones under the rule above. */
export function creditsMatch(
  expected: readonly string[],
  people: readonly string[],
  organizations: readonly string[] = [],
): boolean {
  const want = creditSet(expected)
  if (want.size === 0) return false
  return sameSet(creditSet(people.length > 0 ? people : organizations), want)
}
