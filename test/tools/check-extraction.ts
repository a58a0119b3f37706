// Quality check of the HTML importer over Readability's test pages (dirs of source.html,
// expected.html, expected-metadata.json): metadata match rates, and body text similarity
// against expected.html for our importer and for bare Readability over linkedom.
// Usage: npm run check:extraction -- <test-pages dir>
import { readFileSync, readdirSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'
import { htmlToParagraphs } from '../../shared/html-text.ts'
import { extractHtml } from '../../main/archive/import/html/extract-html.ts'
import { decodeHtml } from '../../main/archive/import/html/decode-html.ts'
import { isoDate, languageTag } from '../../main/archive/import/html/metadata.ts'
import { loadLinkedom } from '../../main/archive/import/html/linkedom-runtime.ts'

// The HTML parser loads on first use in the app; this tool parses from the start.
await loadLinkedom()

interface Expected {
  title?: string | null
  byline?: string | null
  lang?: string | null
  siteName?: string | null
  publishedTime?: string | null
}

interface PageResult {
  name: string
  failed?: string
  title: boolean
  byline: boolean
  lang: boolean
  siteName: boolean
  published: boolean
  f1: number
  baselineF1: number
}

const dir = process.argv[2]
if (!dir || !existsSync(dir)) {
  console.error('usage: npm run check:extraction -- <readability test-pages dir>')
  process.exit(2)
}

const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim()
const same = (a: string | null | undefined, b: string | null | undefined) => norm(a) === norm(b)

/** Lower-cased word tokens; each Han/kana character is a token, as those scripts use no spaces. */
const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}'
const TOKEN = new RegExp(`[${CJK}]|[[\\p{L}\\p{N}]--[${CJK}]]+`, 'gv')
function tokens(text: string): string[] {
  return text.toLowerCase().match(TOKEN) ?? []
}

/**
 * Token-level F1: the harmonic mean of precision and recall over the multiset of words,
 * order ignored. 1 means the same words the same number of times.
 */
export function tokenF1(got: string, want: string): number {
  const a = tokens(got)
  const b = tokens(want)
  if (a.length === 0 && b.length === 0) return 1
  if (a.length === 0 || b.length === 0) return 0
  const counts = new Map<string, number>()
  for (const t of b) counts.set(t, (counts.get(t) ?? 0) + 1)
  let common = 0
  for (const t of a) {
    const n = counts.get(t) ?? 0
    if (n > 0) {
      common++
      counts.set(t, n - 1)
    }
  }
  const precision = common / a.length
  const recall = common / b.length
  return common === 0 ? 0 : (2 * precision * recall) / (precision + recall)
}

function bodyText(html: string): string {
  return htmlToParagraphs(html).join('\n')
}

function baselineBody(bytes: Uint8Array): string {
  const { document } = parseHTML(decodeHtml(bytes).text)
  const article = new Readability(document as never).parse()
  return bodyText(article?.content ?? '')
}

function checkPage(name: string): PageResult {
  const base = join(dir!, name)
  const bytes = readFileSync(join(base, 'source.html'))
  const expected = JSON.parse(
    readFileSync(join(base, 'expected-metadata.json'), 'utf8'),
  ) as Expected
  const want = bodyText(readFileSync(join(base, 'expected.html'), 'utf8'))
  const baselineF1 = tokenF1(baselineBody(bytes), want)
  try {
    const a = extractHtml(bytes)
    const wantLang = languageTag(expected.lang)
    const wantDate = isoDate(expected.publishedTime ?? undefined)
    return {
      name,
      title: same(a.title, expected.title),
      byline: same(a.byline, expected.byline),
      lang: (a.language ?? '') === (wantLang ?? ''),
      siteName: same(a.source, expected.siteName),
      published: (a.publishedAt ?? '') === (wantDate ?? ''),
      f1: tokenF1(a.paragraphs.join('\n'), want),
      baselineF1,
    }
  } catch (err) {
    const failed = String(err)
    return {
      name,
      failed,
      title: false,
      byline: false,
      lang: false,
      siteName: false,
      published: false,
      f1: 0,
      baselineF1,
    }
  }
}

const names = readdirSync(dir)
  .filter((d) => existsSync(join(dir, d, 'source.html')))
  .sort()
const results = names.map(checkPage)
const pct = (n: number) => `${((100 * n) / results.length).toFixed(1)}%`
const count = (f: (r: PageResult) => boolean) => results.filter(f).length
const mean = (f: (r: PageResult) => number) =>
  results.reduce((s, r) => s + f(r), 0) / results.length
const median = (f: (r: PageResult) => number) => {
  const v = results.map(f).sort((a, b) => a - b)
  return v[Math.floor(v.length / 2)]!
}

const failures = results.filter((r) => r.failed)
console.log(`pages: ${results.length}, import failures: ${failures.length}`)
for (const r of failures) console.log(`  FAILED ${r.name}: ${r.failed}`)
console.table({
  'title (exact, whitespace-normalised)': pct(count((r) => r.title)),
  'byline (exact)': pct(count((r) => r.byline)),
  'lang (BCP 47)': pct(count((r) => r.lang)),
  siteName: pct(count((r) => r.siteName)),
  'publishedTime (same instant)': pct(count((r) => r.published)),
})
console.log('body text similarity to expected.html (token-level F1, bag of words):')
console.table({
  'quire importer': {
    mean: mean((r) => r.f1).toFixed(4),
    median: median((r) => r.f1).toFixed(4),
    'F1 >= 0.95': pct(count((r) => r.f1 >= 0.95)),
  },
  'bare Readability + linkedom': {
    mean: mean((r) => r.baselineF1).toFixed(4),
    median: median((r) => r.baselineF1).toFixed(4),
    'F1 >= 0.95': pct(count((r) => r.baselineF1 >= 0.95)),
  },
})
const worst = [...results].sort(
  (a, b) => a.f1 - a.baselineF1 - (b.f1 - b.baselineF1) || a.f1 - b.f1,
)
console.log('worst pages (ours - baseline, then ours):')
for (const r of worst.slice(0, 8))
  console.log(`  ${r.name.padEnd(40)} F1 ${r.f1.toFixed(3)}  baseline ${r.baselineF1.toFixed(3)}`)
const gains = results.filter((r) => r.f1 > r.baselineF1 + 0.001)
console.log(`pages where the importer beats bare Readability (${gains.length}):`)
for (const r of gains)
  console.log(`  ${r.name.padEnd(40)} F1 ${r.f1.toFixed(3)}  baseline ${r.baselineF1.toFixed(3)}`)
const worstAbs = [...results].sort((a, b) => a.f1 - b.f1)
console.log('lowest F1:')
for (const r of worstAbs.slice(0, 5))
  console.log(`  ${r.name.padEnd(40)} F1 ${r.f1.toFixed(3)}  baseline ${r.baselineF1.toFixed(3)}`)
for (const key of ['title', 'byline'] as const) {
  const misses = results.filter((r) => !r[key] && !r.failed).map((r) => r.name)
  console.log(`${key} misses (${misses.length}): ${misses.slice(0, 20).join(', ')}`)
}
process.exitCode = failures.length > 0 ? 1 : 0
