// Dates as pages write them: machine forms keep the writer's day; visible text in several
// languages; impossible or implausible days refused.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  findTextDates,
  isoFromMachine,
  parseTextDate,
} from '../../../../../../main/archive/import/metadata/parse-date.ts'
import { urlDate } from '../../../../../../main/archive/import/metadata/url-date.ts'
import {
  pageTimeZone,
  writersDay,
} from '../../../../../../main/archive/import/metadata/local-day.ts'

const now = new Date('2026-12-07T12:00:00Z')
const day = (s: string) => {
  const p = parseTextDate(s, { now })
  return p
    ? `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`
    : undefined
}

describe('machine dates', () => {
  it('keeps ISO forms with the writer’s offset, compact forms included', () => {
    expect(isoFromMachine('2018-06-19T05:50:00+09:00')).toBe('2018-06-19T05:50:00+09:00')
    expect(isoFromMachine('20180619T055000+0900')).toBe('2018-06-19T05:50:00+09:00')
    expect(isoFromMachine('2024-06-25')).toBe('2024-06-25')
    expect(isoFromMachine('2024-06-25 10:00:00')).toBe('2024-06-25T10:00:00')
    expect(isoFromMachine('2024-06-25T10:00:00.123456Z')).toBe('2024-06-25T10:00:00.123Z')
    expect(isoFromMachine('20240625')).toBe('2024-06-25')
  })

  it('reads RFC 2822 and Unix time', () => {
    expect(isoFromMachine('Tue, 25 Jun 2024 10:00:00 GMT')).toBe('2024-06-25T10:00:00Z')
    expect(isoFromMachine('25 Jun 2024 10:00:00 +0200')).toBe('2024-06-25T10:00:00+02:00')
    expect(isoFromMachine('1719309600')).toBe('2024-06-25T10:00:00Z')
  })

  it('refuses impossible, far-future and pre-1900 days, and digits that are no date', () => {
    expect(isoFromMachine('2023-02-30')).toBeUndefined()
    expect(isoFromMachine('2999-01-01')).toBeUndefined()
    expect(isoFromMachine('0001-01-01')).toBeUndefined()
    expect(isoFromMachine('2018061912345')).toBeUndefined()
    expect(isoFromMachine('yesterday')).toBeUndefined()
  })
})

describe('visible dates', () => {
  it('reads month names in the corpora’s languages', () => {
    expect(day('25 June 2024')).toBe('2024-06-25')
    expect(day('June 25th, 2024')).toBe('2024-06-25')
    expect(day('25. Juni 2024')).toBe('2024-06-25')
    expect(day('le 3 mars 2020')).toBe('2020-03-03')
    expect(day('25 de junio de 2024')).toBe('2024-06-25')
    expect(day('12 października 2021')).toBe('2021-10-12')
    expect(day('7. März 2022')).toBe('2022-03-07')
    expect(day('2024年6月25日')).toBe('2024-06-25')
  })

  it('reads numeric days day first unless only month first is possible', () => {
    expect(day('Datum: 05.02.2020')).toBe('2020-02-05')
    expect(day('posted 12/31/2021')).toBe('2021-12-31')
    expect(day('2021-11-08')).toBe('2021-11-08')
    expect(day('25.06.24')).toBe('2024-06-25')
  })

  it('finds every date in order and refuses years before the web', () => {
    expect(findTextDates('from 1 May 2020 to 3 May 2020', { now }).map((d) => d.day)).toEqual([
      1, 3,
    ])
    expect(day('12.05.1970')).toBeUndefined()
    expect(day('call 030 1234 5678')).toBeUndefined()
  })

  it('never throws on any text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (s) => void findTextDates(s)))
    fc.assert(fc.property(fc.string({ maxLength: 80 }), (s) => void isoFromMachine(s)))
  })
})

describe('addresses and time zones', () => {
  it('reads the day in an address’s path, not its host or query', () => {
    expect(urlDate('https://news.example/2024/06/25/story', { now })).toEqual({
      year: 2024,
      month: 6,
      day: 25,
    })
    expect(urlDate('https://news.example/story-20240625.html', { now })?.day).toBe(25)
    expect(urlDate('https://news.example/story?date=2024-06-25', { now })).toBeUndefined()
    expect(urlDate('https://news.example/2024/13/45/story', { now })).toBeUndefined()
  })

  it('restates a UTC instant on the writer’s day, leaving midnight UTC alone', () => {
    const zone = pageTimeZone('es_AR', 'https://diario.example.com.ar/nota')
    expect(zone).toBe('America/Argentina/Buenos_Aires')
    const p = writersDay({ year: 2022, month: 5, day: 4, time: '00:25:56', zone: 'Z' }, zone)
    expect(p).toEqual({ year: 2022, month: 5, day: 3, time: '21:25:56', zone: '-03:00' })
    const midnight = { year: 2022, month: 5, day: 4, time: '00:00:00', zone: 'Z' }
    expect(writersDay(midnight, zone)).toBe(midnight)
    expect(pageTimeZone(undefined, 'https://startup.example.io/post')).toBeUndefined()
    expect(pageTimeZone('de', undefined)).toBe('Europe/Berlin')
  })
})
