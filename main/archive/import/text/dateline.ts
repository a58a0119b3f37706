// Finds a wire-style dateline ("ANKARA (AA) –", "NEW YORK, March 3 (Reuters) -") opening a paragraph.

export type Dateline = { place: string; agency?: string; date?: string; raw: string }

// One word of a place in capitals, at least two letters: "GAZA", "ST.", "D.C.", "İSTANBUL".
const CAPS_WORD = String.raw`\p{Lu}[\p{Lu}\p{M}.'’\-]*\p{Lu}\.?`
const PLACE = String.raw`${CAPS_WORD}(?: ${CAPS_WORD})*`
const MONTH = String.raw`(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?`
const DATE = String.raw`(?:${MONTH} \d{1,2}(?:, \d{4})?|\d{1,2} ${MONTH}(?: \d{4})?)`
// A region after the place ("Gaza Strip", "Lebanon", "D.C."): capitalised words only, so a
// clause such as "officials said" never passes for one.
const REGION = String.raw`[\p{Lu}\d][\p{L}\p{M}\d.'’\-]*(?: [\p{Lu}\d][\p{L}\p{M}\d.'’\-]*){0,3}`
const AGENCY = String.raw`\((\p{L}[^()]{0,39})\)`
// Dashes may hug the words; a plain hyphen must stand alone, or "US-China" would be a dateline.
const DASH = String.raw`(?:\s*[—–―]\s*|\s+--?\s+)`

const DATELINE = new RegExp(
  String.raw`^(${PLACE})((?:,\s*(?:${DATE}|${REGION}))*)(?:\s*${AGENCY})?(${DASH})`,
  'u',
)
const PART = new RegExp(String.raw`^,\s*(?:(${DATE})|(${REGION}))`, 'u')

// Capitalised openers that are labels or acronyms, not places: "BREAKING — …", "NATO - …".
const NOT_PLACES = new Set(
  (
    'BREAKING UPDATE UPDATED EXCLUSIVE WATCH LIVE OPINION ANALYSIS EDITORIAL COMMENT ' +
    'CORRECTION NOTE VIDEO PHOTOS PHOTO REVIEW INTERVIEW FACT CHECK ' +
    'NATO OPEC NASA UNICEF UNESCO ASEAN FIFA UEFA USA'
  ).split(' '),
)
// A bare "PLACE —" with no agency, region or date is the least certain form: it needs a place
// of some length ("UK — EU talks" is a sentence) and a typographic dash, as wire copy uses;
// "EADS - Airbus' owner - admitted" is an acronym with an aside.
const MIN_BARE_PLACE_LETTERS = 4
const HYPHEN = /^\s+-\s+$/
// "EADS — Airbus' majority owner — admitted": a second dash soon after opens an aside.
const ASIDE_CLOSE = /^.{1,60}?\s[—–―-]\s/u

export type DatelineSplit = { dateline: Dateline; rest: string }

/**
 * Splits a leading dateline off a paragraph, or returns undefined when it has none. The place
 * must be in capitals at the very start and be followed (after an optional region, date and
 * agency in brackets) directly by a dash.
 */
export function splitDateline(paragraph: string): DatelineSplit | undefined {
  const match = DATELINE.exec(paragraph)
  if (!match) return undefined
  const [matched, place = '', tail = '', agency, dash = ''] = match
  if (place.split(' ').some((word) => NOT_PLACES.has(word))) return undefined
  const rest = paragraph.slice(matched.length).trimStart()
  if (tail === '' && agency === undefined && !isBareDateline(place, dash, rest)) return undefined
  const { regions, date } = readTail(tail)
  const dateline: Dateline = {
    place: [place, ...regions].join(', '),
    ...(agency !== undefined ? { agency: agency.trim() } : {}),
    ...(date !== undefined ? { date } : {}),
    raw: matched.trim(),
  }
  return { dateline, rest }
}

function isBareDateline(place: string, dash: string, rest: string): boolean {
  const letters = place.match(/\p{L}/gu)?.length ?? 0
  return letters >= MIN_BARE_PLACE_LETTERS && !HYPHEN.test(dash) && !ASIDE_CLOSE.test(rest)
}

function readTail(tail: string): { regions: string[]; date?: string } {
  const regions: string[] = []
  let date: string | undefined
  let rest = tail
  for (let part = PART.exec(rest); part; part = PART.exec(rest)) {
    if (part[1] !== undefined) date = part[1]
    else if (part[2] !== undefined) regions.push(part[2])
    rest = rest.slice(part[0].length)
  }
  return date === undefined ? { regions } : { regions, date }
}
