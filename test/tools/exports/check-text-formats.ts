// The text formats read back by strict parsers: Readwise CSV with csv-parse (strict quoting,
// equal column counts), RIS with the strict reader, Markdown notes with CommonMark
// (markdown-it's commonmark preset) and their front matter with the yaml package.
import { parse as parseCsv } from 'csv-parse/sync'
import { unzipSync, strFromU8 } from 'fflate'
import MarkdownIt from 'markdown-it'
import { parseDocument } from 'yaml'
import { READWISE_COLUMNS } from '../../../main/archive/export/readwise-csv.ts'
import { readRisStrict } from './ris-reader.ts'

export interface Verdict {
  ok: boolean
  detail: string
}

/** The CSV parses strictly, has the header, and one row per highlight with its quote. */
export function checkReadwise(csv: string, quoteList: string[]): Verdict {
  const quotes = new Set(quoteList)
  const rows = parseCsv(csv, {
    bom: true,
    relax_quotes: false,
    relax_column_count: false,
    skip_empty_lines: false,
  }) as string[][]
  const [header, ...body] = rows
  if (JSON.stringify(header) !== JSON.stringify(READWISE_COLUMNS)) {
    return { ok: false, detail: `header is ${JSON.stringify(header)}` }
  }
  const unguard = (s: string) => (/^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s)
  const missing = body.filter((r) => !quotes.has(unguard(r[0]!)))
  if (body.length !== quoteList.length || missing.length) {
    return {
      ok: false,
      detail: `${body.length} rows for ${quoteList.length} highlights; ${missing.length} quotes not found`,
    }
  }
  return { ok: true, detail: `csv-parse strict: ${body.length} rows × ${header!.length} columns` }
}

/** Every record reads strictly; one per article, with the address the archive says. */
export function checkRis(text: string, expected: { title: string; url?: string }[]): Verdict {
  const records = readRisStrict(text)
  if (records.length !== expected.length) {
    return { ok: false, detail: `${records.length} records for ${expected.length} articles` }
  }
  const byTitle = new Map<string, string[]>()
  for (const r of records) {
    const t = r.fields.get('TI')?.[0] ?? ''
    byTitle.set(t, [...(byTitle.get(t) ?? []), r.fields.get('UR')?.[0] ?? ''])
  }
  for (const want of expected) {
    const urls = byTitle.get(want.title.replace(/\s+/g, ' ').trim())
    const at = urls?.indexOf(want.url ?? '') ?? -1
    if (at < 0)
      return { ok: false, detail: `no record ${JSON.stringify(want.title)} at ${want.url}` }
    urls!.splice(at, 1)
  }
  const types = [...new Set(records.map((r) => r.type))].sort().join('/')
  return { ok: true, detail: `strict RIS reader: ${records.length} records (${types})` }
}

const commonmark = new MarkdownIt('commonmark')

/**
 * Each note (a zip of them, or one file): YAML front matter that parses with no warning and
 * names the right article; one H1; the note under "Note"; each highlight a blockquote ending
 * with its block id.
 */
export function checkMarkdown(
  zipOrText: Uint8Array,
  expected: Map<string, { url?: string; highlights: string[]; note: boolean }>,
): Verdict {
  const files =
    strFromU8(zipOrText.subarray(0, 2)) === 'PK' ? unzipSync(zipOrText) : { 'one.md': zipOrText }
  let notes = 0
  let quotes = 0
  for (const [name, bytes] of Object.entries(files)) {
    const text = strFromU8(bytes)
    const fm = /^---\n([\s\S]*?)\n---\n/.exec(text)
    if (!fm) return { ok: false, detail: `${name}: no front matter` }
    const doc = parseDocument(fm[1]!, { prettyErrors: true, uniqueKeys: true, strict: true })
    if (doc.errors.length || doc.warnings.length) {
      return { ok: false, detail: `${name}: YAML ${[...doc.errors, ...doc.warnings][0]!.message}` }
    }
    const data = doc.toJS() as Record<string, unknown>
    const want = expected.get(String(data['quire-id']))
    if (!want) return { ok: false, detail: `${name}: quire-id ${String(data['quire-id'])} unknown` }
    if (data.url !== want.url) return { ok: false, detail: `${name}: url ${String(data.url)}` }
    const tokens = commonmark.parse(text.slice(fm[0].length), {})
    const h1 = tokens.filter((t) => t.type === 'heading_open' && t.tag === 'h1').length
    if (h1 !== 1) return { ok: false, detail: `${name}: ${h1} first-level headings` }
    const h2 = headings(tokens, 'h2')
    if (want.note !== h2.includes('Note')) return { ok: false, detail: `${name}: Note heading` }
    const blockIds = new Set([...text.matchAll(/ \^q-([0-9a-f]{16})$/gm)].map((m) => m[1]!))
    if (blockIds.size !== want.highlights.length) {
      return {
        ok: false,
        detail: `${name}: ${blockIds.size} block ids, ${want.highlights.length} highlights`,
      }
    }
    const inQuotes = blockquoteTexts(tokens)
    for (const id of blockIds) {
      if (!inQuotes.some((t) => t.endsWith(`^q-${id}`))) {
        return { ok: false, detail: `${name}: ^q-${id} is not the end of a blockquote` }
      }
    }
    notes++
    quotes += blockIds.size
  }
  if (notes !== expected.size) return { ok: false, detail: `${notes} notes for ${expected.size}` }
  return { ok: true, detail: `CommonMark + YAML: ${notes} notes, ${quotes} highlights` }
}

type Tokens = ReturnType<typeof commonmark.parse>

function headings(tokens: Tokens, tag: string): string[] {
  const out: string[] = []
  tokens.forEach((t, i) => {
    if (t.type === 'heading_open' && t.tag === tag) out.push(tokens[i + 1]!.content)
  })
  return out
}

/** The text of each blockquote (its inline contents joined). */
function blockquoteTexts(tokens: Tokens): string[] {
  const out: string[] = []
  let depth = 0
  let current: string[] = []
  for (const t of tokens) {
    if (t.type === 'blockquote_open') {
      if (depth++ === 0) current = []
    } else if (t.type === 'blockquote_close') {
      if (--depth === 0) out.push(current.join('\n'))
    } else if (depth > 0 && t.type === 'inline') current.push(t.content)
  }
  return out
}
