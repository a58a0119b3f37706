// The metadata line of a Kindle clipping ("- Your Highlight on page 12 | Location 123-125 |
// Added on Sunday, January 5, 2020 10:00:00 AM") in the Kindle's languages and in both
// generations of its firmware (the older "- Highlight Loc. 123-25 | Added on Monday, March 12,
// 2012, 10:00 PM"), read into what it says: the kind, the page, the location, the date.

export type ClippingKind = 'highlight' | 'note' | 'bookmark'

export interface ClippingHeader {
  kind: ClippingKind
  page?: string
  /** Kindle locations; `end` is absent for a single location. */
  start?: number
  end?: number
  /** ISO 8601 (the Kindle writes local time without a zone: read as UTC, as exports are). */
  addedAt?: string
}

const KINDS: [RegExp, ClippingKind][] = [
  [/highlight|markierung|surlignement|subrayado|evidenziazione|destaque|markering/i, 'highlight'],
  [/bookmark|lesezeichen|signet|marque-page|marcador|segnalibro|bladwijzer/i, 'bookmark'],
  [/note|notiz|nota|notitie/i, 'note'],
]

const PAGE = /(?:page|seite|página|pagina|pág\.?|p\.)\s*([\w.-]+)/i
const LOCATION =
  /(?:location|loc\.|position|emplacement|posición|posizione|locatie)\s*(\d+)(?:\s*-\s*(\d+))?/i
const ADDED =
  /(?:added on|hinzugefügt am|ajouté le|añadido el|aggiunto in data|aggiunto il|toegevoegd op)\s*(.+)$/i

const MONTHS: Record<string, number> = {}
const NAMES = [
  'january february march april may june july august september october november december',
  'januar februar märz april mai juni juli august september oktober november dezember',
  'janvier février mars avril mai juin juillet août septembre octobre novembre décembre',
  'enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre',
  'gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre',
]
for (const line of NAMES) line.split(' ').forEach((m, i) => (MONTHS[m] = i + 1))
MONTHS['setiembre'] = 9
MONTHS['jänner'] = 1

/**
 * "Sunday, January 5, 2020 10:00:00 AM", "Sonntag, 5. Januar 2020 10:00:00", "dimanche 5
 * janvier 2020 10:00:00", "domingo, 5 de enero de 2020 10:00:00", "Monday, March 12, 2012,
 * 10:00 PM" -> ISO 8601, or undefined when the words are not a date.
 */
export function kindleDate(raw: string): string | undefined {
  const words = raw
    .toLowerCase()
    .replace(/[,.]/g, ' ')
    .split(/\s+/)
    .filter((w) => w && w !== 'de' && w !== 'del')
  let month: number | undefined
  const numbers: number[] = []
  let time: string | undefined
  let meridiem: string | undefined
  for (const w of words) {
    if (MONTHS[w] !== undefined && month === undefined) month = MONTHS[w]
    else if (/^\d{1,2}:\d{2}(:\d{2})?$/.test(w)) time = w
    else if (/^\d{1,4}$/.test(w)) numbers.push(Number(w))
    else if (w === 'am' || w === 'pm') meridiem = w
  }
  const year = numbers.find((n) => n > 1900)
  const day = numbers.find((n) => n >= 1 && n <= 31)
  if (!month || !year || !day) return undefined
  const [h = 0, m = 0, s = 0] = (time ?? '0:00').split(':').map(Number)
  const hour = meridiem === 'pm' && h < 12 ? h + 12 : meridiem === 'am' && h === 12 ? 0 : h
  const ms = Date.UTC(year, month - 1, day, hour, m, s)
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString()
}

/** Older firmware writes "123-25" for 123–125: the end shares the start's leading digits. */
function fullEnd(start: number, end: string): number {
  const s = String(start)
  const full = end.length < s.length ? Number(s.slice(0, s.length - end.length) + end) : Number(end)
  return full >= start ? full : Number(end)
}

/** The header line read, or undefined when it is not a clipping's metadata line. */
export function parseClippingHeader(line: string): ClippingHeader | undefined {
  const t = line.replace(/^\uFEFF/, '').trim()
  if (!t.startsWith('-')) return undefined
  const parts = t.slice(1).split('|')
  const kind = KINDS.find(([re]) => re.test(parts[0] ?? ''))?.[1]
  if (!kind) return undefined
  const header: ClippingHeader = { kind }
  for (const part of parts) {
    const added = ADDED.exec(part)
    if (added) {
      const at = kindleDate(added[1]!)
      if (at) header.addedAt = at
      continue
    }
    const loc = LOCATION.exec(part)
    if (loc) {
      header.start = Number(loc[1])
      if (loc[2]) header.end = fullEnd(header.start, loc[2])
      continue
    }
    const page = PAGE.exec(part)
    if (page) header.page = page[1]!
  }
  return header
}
