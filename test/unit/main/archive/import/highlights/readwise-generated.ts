// A realistic Readwise export, generated (never copied from anyone's library): many books,
// notes, tags, every colour and Location Type, quotes, commas and newlines in highlights.
import Papa from 'papaparse'

const TYPES = ['location', 'page', 'order', 'chapter', 'percent', 'offset', 'time_offset']
const COLORS = ['yellow', 'blue', 'pink', 'orange', 'green', 'purple']
const WORDS =
  'harbour tide salt ship map coast river town ledger winter light archive letter road bridge'.split(
    ' ',
  )

/** A small deterministic PRNG (mulberry32), so the file is the same on every run. */
function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface GeneratedRow {
  highlight: string
  book: string
  author: string
  asin: string
  note: string
  color: string
  tags: string[]
  type: string
  location: string
  at: string
}

/** `rows` highlights spread over `books` books; every row distinct. */
export function generateReadwise(rows = 3946, books = 133): { csv: string; rows: GeneratedRow[] } {
  const next = random(21)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!
  const out: GeneratedRow[] = []
  for (let i = 0; i < rows; i++) {
    const b = i % books
    const type = TYPES[b % TYPES.length]!
    const n = Math.floor(i / books) + 1
    const location =
      type === 'chapter'
        ? `Chapter ${n}`
        : type === 'time_offset'
          ? `${Math.floor(n / 60)}:${String(n % 60).padStart(2, '0')}:00`
          : type === 'percent'
            ? String(Math.min(100, n * 2.5))
            : i % 7 === 0
              ? `${n * 10}-${n * 10 + 4}`
              : String(n * 10)
    const words = Array.from({ length: 8 + Math.floor(next() * 20) }, () => pick(WORDS))
    let highlight = `${words.join(' ')} (${i}).`
    if (i % 11 === 0) highlight = `“${highlight}” said the “keeper”, and "then" left`
    if (i % 13 === 0) highlight = `${highlight}\nA second paragraph, with a comma.`
    const note =
      i % 19 < 6 ? `Note ${i}: ${pick(WORDS)}, "quoted"${i % 38 === 0 ? '\nline two' : ''}` : ''
    const tags = i % 24 < 11 ? [`topic-${i % 5}`, ...(i % 3 === 0 ? ['re read'] : [])] : []
    const at = new Date(Date.UTC(2020, 0, 1) + i * 3_600_000 + b * 1000).toISOString()
    out.push({
      highlight,
      book: b % 10 === 0 ? `Book ${b}: A Subtitle, with a comma` : `Book ${b}`,
      author: b % 4 === 0 ? `Writer, Ann ${b}` : `Ann Writer ${b}`,
      asin: b % 3 === 0 ? `B0${String(b).padStart(8, '0')}` : '',
      note,
      color: pick(COLORS),
      tags,
      type,
      location,
      at: at.replace('T', ' ').replace('.000Z', '+00:00'),
    })
  }
  const csv = Papa.unparse({
    fields: [
      'Highlight',
      'Book Title',
      'Book Author',
      'Amazon Book ID',
      'Note',
      'Color',
      'Tags',
      'Location Type',
      'Location',
      'Highlighted at',
    ],
    data: out.map((r) => [
      r.highlight,
      r.book,
      r.author,
      r.asin,
      r.note,
      r.color,
      r.tags.join(','),
      r.type,
      r.location,
      r.at,
    ]),
  })
  return { csv, rows: out }
}
