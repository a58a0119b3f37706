// The writer's own day for an instant a page states in UTC. A page from Buenos Aires stamped
// "2022-05-04T00:25:56Z" was published on May 3 there; the country is read from the page's
// locale ("es_AR", "de-CH") or its country domain (".com.ar", ".de").
import type { DateParts } from './parse-date.ts'

/** Countries to one representative IANA zone (the capital's, or the most populous one). */
const ZONES: Record<string, string> = {
  de: 'Europe/Berlin',
  at: 'Europe/Vienna',
  ch: 'Europe/Zurich',
  fr: 'Europe/Paris',
  it: 'Europe/Rome',
  es: 'Europe/Madrid',
  nl: 'Europe/Amsterdam',
  be: 'Europe/Brussels',
  lu: 'Europe/Luxembourg',
  pl: 'Europe/Warsaw',
  cz: 'Europe/Prague',
  sk: 'Europe/Bratislava',
  hu: 'Europe/Budapest',
  dk: 'Europe/Copenhagen',
  se: 'Europe/Stockholm',
  no: 'Europe/Oslo',
  fi: 'Europe/Helsinki',
  pt: 'Europe/Lisbon',
  gr: 'Europe/Athens',
  ro: 'Europe/Bucharest',
  tr: 'Europe/Istanbul',
  ru: 'Europe/Moscow',
  ua: 'Europe/Kyiv',
  ie: 'Europe/Dublin',
  uk: 'Europe/London',
  gb: 'Europe/London',
  ar: 'America/Argentina/Buenos_Aires',
  bo: 'America/La_Paz',
  br: 'America/Sao_Paulo',
  cl: 'America/Santiago',
  co: 'America/Bogota',
  ec: 'America/Guayaquil',
  mx: 'America/Mexico_City',
  pe: 'America/Lima',
  py: 'America/Asuncion',
  uy: 'America/Montevideo',
  ve: 'America/Caracas',
  cu: 'America/Havana',
  us: 'America/New_York',
  ca: 'America/Toronto',
  jp: 'Asia/Tokyo',
  cn: 'Asia/Shanghai',
  kr: 'Asia/Seoul',
  in: 'Asia/Kolkata',
  au: 'Australia/Sydney',
  nz: 'Pacific/Auckland',
}

/** Languages spoken in one time zone, for pages that name no country ("de", "fr"). */
const LANGUAGE_ZONES: Record<string, string> = {
  de: 'Europe/Berlin',
  fr: 'Europe/Paris',
  it: 'Europe/Rome',
  nl: 'Europe/Amsterdam',
  pl: 'Europe/Warsaw',
  cs: 'Europe/Prague',
  hu: 'Europe/Budapest',
  da: 'Europe/Copenhagen',
  sv: 'Europe/Stockholm',
  nb: 'Europe/Oslo',
  fi: 'Europe/Helsinki',
  tr: 'Europe/Istanbul',
  ja: 'Asia/Tokyo',
  ko: 'Asia/Seoul',
}

/** Country domains that sites use for their letters, not their country. */
const GENERIC_TLDS = new Set(['co', 'io', 'me', 'tv', 'fm', 'ai', 'ly', 'to', 'cc', 'ws', 'gg'])

/** The page's likely IANA zone from its locale tag and address, or undefined. */
export function pageTimeZone(
  locale: string | undefined,
  address: string | undefined,
): string | undefined {
  const region = /^[a-z]{2,3}[-_]([a-z]{2})\b/i.exec(locale ?? '')?.[1]?.toLowerCase()
  if (region && ZONES[region]) return ZONES[region]
  const host = hostOf(address)
  const labels = host.split('.')
  const tld = labels.at(-1) ?? ''
  // ".com.co" and ".co" alone differ: only the first is surely Colombia.
  const isCountry =
    tld.length === 2 &&
    (!GENERIC_TLDS.has(tld) ||
      (labels.length > 2 && /^(?:com|org|net|gob|gov|edu)$/.test(labels.at(-2) ?? '')))
  if (isCountry && ZONES[tld]) return ZONES[tld]
  const lang = /^([a-z]{2,3})/i.exec(locale ?? '')?.[1]?.toLowerCase()
  return lang ? LANGUAGE_ZONES[lang] : undefined
}

/**
 * An instant written in UTC, restated in `zone` with that zone's offset, so its day is the
 * writer's ("2022-05-04T00:25:56Z" in Buenos Aires is "2022-05-03T21:25:56-03:00"). Other
 * dates are returned as they are, and so is midnight UTC: that is a bare day in disguise.
 */
export function writersDay(parts: DateParts, zone: string | undefined): DateParts {
  if (!zone || parts.zone !== 'Z' || !parts.time || parts.time.startsWith('00:00:00')) return parts
  const instant = Date.parse(`${parts.year}-${pad(parts.month)}-${pad(parts.day)}T${parts.time}Z`)
  if (Number.isNaN(instant)) return parts
  let fields: Record<string, number>
  try {
    const format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    fields = Object.fromEntries(
      format
        .formatToParts(instant)
        .filter((p) => p.type !== 'literal')
        .map((p) => [p.type, +p.value]),
    )
  } catch {
    return parts
  }
  const { year, month, day, hour, minute, second } = fields as Record<string, number>
  if (!year || !month || !day) return parts
  const asUtc = Date.UTC(year, month - 1, day, hour ?? 0, minute ?? 0, second ?? 0)
  const offsetMinutes = Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60000)
  const sign = offsetMinutes < 0 ? '-' : '+'
  const abs = Math.abs(offsetMinutes)
  return {
    year,
    month,
    day,
    time: `${pad(hour ?? 0)}:${pad(minute ?? 0)}:${pad(second ?? 0)}`,
    zone: offsetMinutes === 0 ? 'Z' : `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`,
  }
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

function hostOf(address: string | undefined): string {
  try {
    return address ? new URL(address).hostname.toLowerCase() : ''
  } catch {
    return ''
  }
}
