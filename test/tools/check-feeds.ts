// Corpus check for the feed parser: for every feed in <corpus>/input, compares the item count
// and each item's title, link, guid and date with <corpus>/output/<name>.json (written by
// another parser's test suite). Usage: node test/tools/check-feeds.ts <corpus/feeds/test>
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { basename, extname, join } from 'node:path'
import { parseFeed, type FeedItem } from '../../main/archive/import/feeds/parse-feed.ts'
import { ImportFailure } from '../../main/archive/import/extracted.ts'
import { plainText } from '../../main/archive/import/feeds/feed-values.ts'
import { loadLinkedom } from '../../main/archive/import/html/linkedom-runtime.ts'

// The HTML parser loads on first use in the app; this tool parses from the start.
await loadLinkedom()

/** Inputs the other parser's suite expects to be refused (they have no expected output). */
const EXPECT_REFUSED = new Set(['unrecognized.rss'])

interface ExpectedItem {
  title?: string
  link?: string
  guid?: unknown
  id?: string
  isoDate?: string
}

const dir = process.argv[2]
if (!dir || !existsSync(join(dir, 'input'))) {
  console.error(
    'usage: node test/tools/check-feeds.ts <corpus/feeds/test> (a folder with input/ and output/)',
  )
  process.exit(2)
}

let passed = 0
const files = readdirSync(join(dir, 'input')).sort()
for (const file of files) {
  const name = basename(file, extname(file))
  const expectedPath = join(dir, 'output', `${name}.json`)
  const expected = existsSync(expectedPath) ? readExpected(expectedPath) : undefined
  const verdict = check(readFileSync(join(dir, 'input', file)), expected, EXPECT_REFUSED.has(file))
  if (verdict.ok) passed++
  console.log(`${verdict.ok ? 'PASS' : 'FAIL'} ${file}: ${verdict.note}`)
}
console.log(`check:feeds: ${passed}/${files.length} feeds match`)
process.exit(passed === files.length ? 0 : 1)

function check(
  bytes: Uint8Array,
  expected: ExpectedItem[] | undefined,
  refuse: boolean,
): { ok: boolean; note: string } {
  let items: FeedItem[]
  let unreadable: number
  try {
    const feed = parseFeed(bytes)
    items = feed.items
    unreadable = feed.unreadable ?? 0
  } catch (err) {
    if (!(err instanceof ImportFailure)) return { ok: false, note: `crashed: ${String(err)}` }
    const reason = `${err.code}: ${err.message}`
    return refuse
      ? { ok: true, note: `refused as expected (${reason})` }
      : { ok: false, note: `refused (${reason})` }
  }
  if (refuse) return { ok: false, note: `parsed ${items.length} items, but it should be refused` }
  // The suite only checks that this one parses without error.
  if (!expected)
    return { ok: true, note: `${items.length} items (no expected output: checked it parses)` }
  // Items the parser could not read are reported by the importer as failed: they count.
  if (items.length + unreadable !== expected.length) {
    return { ok: false, note: `${items.length} items, expected ${expected.length}` }
  }
  if (unreadable > 0 && items.length === 0)
    return { ok: true, note: `${unreadable} unreadable items reported as failed` }
  const problems = items.flatMap((item, i) =>
    compare(item, expected[i] ?? {}).map((p) => `item ${i + 1}: ${p}`),
  )
  if (problems.length)
    return { ok: false, note: `${problems.length} differences; ${problems.slice(0, 3).join('; ')}` }
  return { ok: true, note: `${items.length} items match` }
}

function compare(got: FeedItem, want: ExpectedItem): string[] {
  const out: string[] = []
  // The other parser keeps a title's markup and entities as written; ours is the text a reader sees.
  if (!sameText(got.title, plainText(want.title)))
    out.push(`title ${q(got.title)} != ${q(want.title)}`)
  if (want.link !== undefined && !sameLink(got.link, want.link))
    out.push(`link ${q(got.link)} != ${q(want.link)}`)
  const guid = expectedGuid(want)
  if (guid !== undefined && got.guid !== guid) out.push(`guid ${q(got.guid)} != ${q(guid)}`)
  const date = got.publishedAt ?? got.updatedAt
  if (want.isoDate !== undefined && date !== want.isoDate)
    out.push(`date ${q(date)} != ${q(want.isoDate)}`)
  return out
}

function expectedGuid(want: ExpectedItem): string | undefined {
  const g = want.guid
  if (typeof g === 'string') return g.trim()
  // xml2js keeps attributes apart: { _: value, $: { isPermaLink } }.
  if (g && typeof g === 'object' && '_' in g && typeof g._ === 'string') return g._.trim()
  return want.id?.trim()
}

/** Whitespace-insensitive; U+FFFD in the expected text (the other parser's failed decode) matches any one character. */
function sameText(got: string, want: string): boolean {
  const a = norm(got)
  const b = norm(want)
  if (!b.includes('\uFFFD')) return a === b
  const pattern = b
    .split('\uFFFD')
    .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[\\s\\S]')
  return new RegExp(`^${pattern}$`, 'u').test(a)
}

/** The expected link may be relative (not resolved by the other parser): resolve it against ours. */
function sameLink(got: string | undefined, want: string): boolean {
  const w = want.trim()
  if (w === '') return got === undefined
  if (got === undefined) return false
  try {
    return new URL(w, got).href === got
  } catch {
    return false
  }
}

function norm(s: string): string {
  return s.replace(/\s+/g, ' ').trim()
}

function q(s: string | undefined): string {
  return s === undefined ? 'none' : JSON.stringify(s.length > 80 ? `${s.slice(0, 77)}...` : s)
}

function readExpected(path: string): ExpectedItem[] {
  const bytes = readFileSync(path)
  // One expected file was written in Latin-1, the rest in UTF-8.
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    text = new TextDecoder('latin1').decode(bytes)
  }
  const json = JSON.parse(text) as { feed?: { items?: ExpectedItem[] } }
  return json.feed?.items ?? []
}
