// End-to-end tests of the plain-text importer on fixture articles: bytes in, parsed article out.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { decodeText } from '../../../../../../main/archive/import/text/decode.ts'
import { parsePlainText } from '../../../../../../main/archive/import/text/parse-text.ts'
import type { ParsedText } from '../../../../../../main/archive/import/text/parse-text.ts'

function fixture(name: string): Buffer {
  return readFileSync(new URL(`../../../../../fixtures/text/${name}`, import.meta.url))
}

function importBytes(bytes: Uint8Array): ParsedText & { encoding: string } {
  const { text, encoding } = decodeText(bytes)
  return { ...parsePlainText(text), encoding }
}

const WIRE: ParsedText = {
  title: 'Harbour authority approves new ferry link between Izmir and Lesbos',
  subtitle: 'Operators say the twice-weekly service could start before the summer season',
  byline: "By MERVE KAYA and JOHN O'NEILL, Associated Press",
  authors: ['Merve Kaya', "John O'Neill"],
  affiliation: 'Associated Press',
  dateline: { place: 'İZMİR, Türkiye', agency: 'AP', raw: 'İZMİR, Türkiye (AP) —' },
  paragraphs: [
    'The regional harbour authority on Tuesday approved a new passenger ferry link between Izmir and the Greek island of Lesbos.',
    'The service, run by a joint venture of two local operators, will sail twice a week from May.',
    '“We expect around 40,000 passengers in the first year,” a spokesperson for the operators said.',
    'Tickets will go on sale next month, the authority said in a statement.',
  ],
}

const BBC: ParsedText = {
  title: 'Village bakery wins national award',
  authors: [],
  paragraphs: [
    'A village bakery in North Yorkshire has been named the best independent bakery in England.',
    'The judges praised its sourdough, which sells for £4.50 a loaf, and its seasonal pies. The award comes with a £2,000 prize, which the owners plan to spend on a second oven.',
    'Owner Sam Reed said: "We never expected this. We just bake what our neighbours like to eat."',
  ],
}

describe('wire story with dek, byline, dateline and a Turkish/English furniture tail', () => {
  it('parses every part and drops the tail', () => {
    expect(importBytes(fixture('wire-story.txt'))).toEqual({ ...WIRE, encoding: 'utf-8' })
  })

  it('gives the same result from CRLF, UTF-8 BOM, UTF-16LE and UTF-16BE copies', () => {
    const text = fixture('wire-story.txt').toString('utf8')
    const crlf = Buffer.from(text.replace(/\n/g, '\r\n'), 'utf8')
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), crlf])
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
    const be = Buffer.from(le).swap16()
    expect(importBytes(crlf)).toEqual({ ...WIRE, encoding: 'utf-8' })
    expect(importBytes(bom)).toEqual({ ...WIRE, encoding: 'utf-8' })
    expect(importBytes(le)).toEqual({ ...WIRE, encoding: 'utf-16le' })
    expect(importBytes(be)).toEqual({ ...WIRE, encoding: 'utf-16be' })
  })
})

describe('BBC-shaped article: title, blank line, paragraphs', () => {
  it('has no subtitle, byline or dateline', () => {
    expect(importBytes(fixture('bbc-shaped.txt'))).toEqual({ ...BBC, encoding: 'utf-8' })
  })

  it('reads an ISO-8859-1 copy with its £ signs intact', () => {
    const latin1 = Buffer.from(fixture('bbc-shaped.txt').toString('utf8'), 'latin1')
    expect(latin1.includes(0xa3)).toBe(true)
    expect(importBytes(latin1)).toEqual({ ...BBC, encoding: 'windows-1252' })
  })
})

describe('hard-wrapped notes', () => {
  it('joins wrapped lines and keeps the list items apart', () => {
    expect(importBytes(fixture('hard-wrapped.txt'))).toEqual({
      title: 'Notes from the harbour meeting',
      authors: [],
      paragraphs: [
        'The harbour committee met on Thursday evening to discuss the timetable for the new ferry link, the cost of dredging the outer basin and the future of the old customs house on the quay.',
        'Members agreed that the dredging should be finished before the first sailing in May.',
        'Items still open:',
        '- fees for overnight berths',
        '- a date for the next meeting',
      ],
      encoding: 'utf-8',
    })
  })
})

describe('Windows-1252 article with curly quotes', () => {
  it('decodes the quotes and the pound sign', () => {
    // Title, blank line, then: “It costs £3,” she said.
    const bytes = Buffer.concat([
      Buffer.from('Prices rise\r\n\r\n', 'latin1'),
      Buffer.from([0x93]),
      Buffer.from('It costs ', 'latin1'),
      Buffer.from([0xa3]),
      Buffer.from('3,', 'latin1'),
      Buffer.from([0x94]),
      Buffer.from(' she said.\r\n', 'latin1'),
    ])
    expect(importBytes(bytes)).toEqual({
      title: 'Prices rise',
      authors: [],
      paragraphs: ['“It costs £3,” she said.'],
      encoding: 'windows-1252',
    })
  })
})
