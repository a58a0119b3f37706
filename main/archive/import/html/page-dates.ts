// When a page was published and last modified. The ideas are htmldate's (adbar/htmldate):
// trust structured data first (the address, JSON-LD, meta tags, itemprop), then the page's
// <time> and <abbr> elements, then the text of elements whose class or id says "date", then
// date-like phrases ("Datum: 25.06.2024", "veröffentlicht am"), and last the first date among
// the page's text lines. A stated date is checked against the dates the page shows: the day
// shown wins over a UTC instant a day off, and over metadata that disagrees with it.
// Published and modified are kept apart; no date found means none, never today.
import {
  findTextDates,
  formatIso,
  parseMachineDate,
  type DateBounds,
  type DateParts,
} from '../metadata/parse-date.ts'
import { urlDate } from '../metadata/url-date.ts'
import { writersDay } from '../metadata/local-day.ts'
import type { DomDocument } from './dom.ts'
import type { MetaTags } from './meta-tags.ts'
import { PUBLISHED_META, MODIFIED_META } from './date-meta-keys.ts'
import { datesIn, hintedDates, lineDates, sameDay, type ShownDate } from './visible-dates.ts'

/** What the page says about itself, as the other readers found it. */
export interface DateSources {
  url?: string
  ldPublished: string[]
  ldModified: string[]
  meta: MetaTags
  /** The page's likely IANA time zone, for instants it states in UTC. */
  timeZone?: string
}

export interface PageDates {
  publishedAt?: string
  modifiedAt?: string
  /** Which rule found the published date (for the quality checks). */
  publishedBy?: string
}

type Rule = [name: string, find: () => DateParts | undefined]

export function findPageDates(
  doc: DomDocument,
  src: DateSources,
  bounds: DateBounds = {},
): PageDates {
  const machine = (values: (string | null | undefined)[]) => {
    for (const v of values) {
      const p = v ? parseMachineDate(v, bounds) : undefined
      if (p) return p
    }
    return undefined
  }
  const metaValues = (keys: readonly string[]) => keys.flatMap((k) => src.meta.get(k) ?? [])
  const modified =
    machine(src.ldModified) ??
    machine(metaValues(MODIFIED_META)) ??
    machine(itempropValues(doc, ['datemodified', 'dateupdated']))
  let shown: ShownDate[] | undefined
  const shownDates = () => (shown ??= hintedDates(doc, bounds).filter((d) => !d.isUpdate))
  const rules: Rule[] = [
    ['url', () => urlDate(src.url, bounds)],
    ['json-ld', () => machine(src.ldPublished)],
    ['meta', () => machine(metaValues(PUBLISHED_META))],
    ['itemprop', () => machine(itempropValues(doc, ['datepublished', 'datecreated']))],
    ['time', () => timeElementDate(doc, bounds)],
    ['abbr', () => abbrDate(doc, bounds)],
    ['hinted', () => shownDates()[0]],
    ['phrase', () => phraseDate(doc, bounds)],
    ['lines', () => lineDates(doc, bounds).find((d) => !d.isUpdate)],
  ]
  const out: PageDates = {}
  for (const [name, rule] of rules) {
    let found = rule()
    if (!found) continue
    if (MACHINE_RULES.has(name)) {
      found = asShown(found, modified, shownDates())
      found = writersDay(found, src.timeZone)
    }
    out.publishedAt = formatIso(found)
    out.publishedBy = name
    break
  }
  if (modified) out.modifiedAt = formatIso(modified)
  return out
}

const MACHINE_RULES = new Set(['url', 'json-ld', 'meta', 'itemprop', 'time'])
const DAY_MS = 86_400_000
/** How far a shown date may lie from a stated one and still be the same publication. */
const SHOWN_WINDOW_DAYS = 45

/**
 * The day the page shows for a date its metadata states. An instant in UTC is shown on the
 * writer's local day, a day earlier or later ("2023-11-09T06:35Z" is Nov 8 in California);
 * a page that shows its update day, or another day near the stated one, stands by that day.
 */
function asShown(found: DateParts, modified: DateParts | undefined, shown: ShownDate[]): DateParts {
  if (shown.length === 0 || shown.some((d) => sameDay(d, found))) return found
  // Only an instant in UTC (or in no stated zone) can fall on another day where it was
  // written; "22:46-03:00" names the writer's own day.
  if (found.time && !hasLocalOffset(found)) {
    const near = shown.find((d) => Math.abs(dayNumber(d) - dayNumber(found)) === 1)
    if (near) return dayOf(near)
  }
  if (modified && shown.some((d) => sameDay(d, modified))) return dayOf(modified)
  // A time with the writer's own offset is a deliberate statement: a nearby day the page
  // shows elsewhere (a teaser's, a sidebar's) does not overrule it.
  if (found.time && hasLocalOffset(found)) return found
  const first = shown[0]!
  return Math.abs(dayNumber(first) - dayNumber(found)) <= SHOWN_WINDOW_DAYS ? dayOf(first) : found
}

function hasLocalOffset(p: DateParts): boolean {
  return !!p.zone && !/^(?:Z|[+-]00:?00)$/.test(p.zone)
}

function dayNumber(p: DateParts): number {
  return Date.UTC(p.year, p.month - 1, p.day) / DAY_MS
}

function dayOf(p: DateParts): DateParts {
  return { year: p.year, month: p.month, day: p.day }
}

/** Values of `itemprop` elements other than <meta> (those are in the meta map already). */
function itempropValues(doc: DomDocument, props: string[]): string[] {
  const out: string[] = []
  const els = doc.querySelectorAll('[itemprop]')
  for (let i = 0; i < els.length && i < 500; i++) {
    const el = els[i]!
    if (el.localName === 'meta') continue
    const prop = (el.getAttribute('itemprop') ?? '').toLowerCase().split(/\s+/)
    if (!props.some((p) => prop.includes(p))) continue
    const value = el.getAttribute('datetime') ?? el.getAttribute('content') ?? el.textContent
    if (value) out.push(value)
  }
  return out
}

/** <time datetime>: one marked as the publication first, else the first valid one. */
function timeElementDate(doc: DomDocument, bounds: DateBounds): DateParts | undefined {
  const times = doc.querySelectorAll('time')
  if (times.length === 0 || times.length > 200) return undefined
  let first: DateParts | undefined
  for (let i = 0; i < times.length; i++) {
    const el = times[i]!
    const cls = (el.getAttribute('class') ?? '').toLowerCase()
    if (/updated|modified|changed/.test(cls) && !/published|entry-date/.test(cls)) continue
    const dt = el.getAttribute('datetime')
    const parts = dt && dt.length > 6 ? parseMachineDate(dt, bounds) : datesIn(el, bounds)[0]
    if (!parts) continue
    if (el.getAttribute('pubdate') !== null || /published|entry-date|entry-time|pubdate/.test(cls))
      return parts
    first ??= parts
  }
  return first
}

/** <abbr class="published" title="…"> (hAtom) and Facebook's data-utime. */
function abbrDate(doc: DomDocument, bounds: DateBounds): DateParts | undefined {
  const abbrs = doc.querySelectorAll('abbr')
  for (let i = 0; i < abbrs.length && i < 200; i++) {
    const el = abbrs[i]!
    const cls = (el.getAttribute('class') ?? '').toLowerCase()
    if (/published|date/.test(cls)) {
      const p = parseMachineDate(el.getAttribute('title') ?? '', bounds) ?? datesIn(el, bounds)[0]
      if (p) return p
    }
    const utime = el.getAttribute('data-utime')
    if (utime && /^\d{9,10}$/.test(utime)) {
      const p = parseMachineDate(utime.padStart(10, '0'), bounds)
      if (p) return p
    }
  }
  return undefined
}

const PHRASE =
  /(?:datum|date|published|posted|veröffentlicht|erschienen|publié|publicado|pubblicato|opublikowano|gepubliceerd|geplaatst)(?:\s+(?:am|on|le|el|il|op|in))?\s*:?\s*/giu

/** A date right after "Datum:", "Published", "veröffentlicht am", "publié le"… in the text. */
function phraseDate(doc: DomDocument, bounds: DateBounds): DateParts | undefined {
  const text = (doc.querySelector('body')?.textContent ?? '').replace(/\s+/g, ' ')
  PHRASE.lastIndex = 0
  for (let m = PHRASE.exec(text); m; m = PHRASE.exec(text)) {
    const at = m.index + m[0].length
    const date = findTextDates(text.slice(at, at + 40), bounds)[0]
    if (date && date.index === 0) return date
  }
  return undefined
}
