// Readability's own test pages (dirs of source.html, expected.html, expected-metadata.json):
// metadata match rates, and body text similarity to expected.html for our importer and for
// bare Readability over linkedom.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { htmlToParagraphs } from '../../../shared/html-text.ts'
import { extractHtml } from '../../../main/archive/import/html/extract-html.ts'
import { isoDate, languageTag } from '../../../main/archive/import/html/metadata.ts'
import { bareReadability } from './bare-readability.ts'
import { collapse, tokenF1 } from './normalise.ts'

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
  baselineTitle: boolean
  baselineByline: boolean
}

const same = (a: string | null | undefined, b: string | null | undefined) =>
  collapse(a) === collapse(b)

function bodyText(html: string): string {
  return htmlToParagraphs(html).join('\n')
}

function checkPage(dir: string, name: string): PageResult {
  const base = join(dir, name)
  const bytes = readFileSync(join(base, 'source.html'))
  const expected = JSON.parse(
    readFileSync(join(base, 'expected-metadata.json'), 'utf8'),
  ) as Expected
  const want = bodyText(readFileSync(join(base, 'expected.html'), 'utf8'))
  const bare = bareReadability(bytes)
  const baseline = {
    baselineF1: tokenF1(bare?.paragraphs.join('\n') ?? '', want),
    baselineTitle: same(bare?.title, expected.title),
    baselineByline: same(bare?.byline, expected.byline),
  }
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
      ...baseline,
    }
  } catch (err) {
    const failed = String(err)
    const none = { title: false, byline: false, lang: false, siteName: false, published: false }
    return { name, failed, ...none, f1: 0, ...baseline }
  }
}

export interface ReadabilityPagesSummary {
  mode: 'readability-test-pages'
  pages: number
  failures: number
  bodyMean: number
  bodyMedian: number
  baselineBodyMean: number
  belowBaseline: string[]
  results: PageResult[]
}

export function isReadabilityPages(dir: string): boolean {
  return readdirSync(dir).some((d) => existsSync(join(dir, d, 'source.html')))
}

export function checkReadabilityPages(dir: string): ReadabilityPagesSummary {
  const names = readdirSync(dir)
    .filter((d) => existsSync(join(dir, d, 'source.html')))
    .sort()
  const results = names.map((n) => checkPage(dir, n))
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
    'title (exact, whitespace-normalised)': {
      quire: pct(count((r) => r.title)),
      'bare Readability': pct(count((r) => r.baselineTitle)),
    },
    'byline (exact)': {
      quire: pct(count((r) => r.byline)),
      'bare Readability': pct(count((r) => r.baselineByline)),
    },
    'lang (BCP 47)': { quire: pct(count((r) => r.lang)) },
    siteName: { quire: pct(count((r) => r.siteName)) },
    'publishedTime (same instant)': { quire: pct(count((r) => r.published)) },
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
  const below = results.filter((r) => r.f1 < r.baselineF1 - 0.001)
  console.log(`pages below bare Readability (${below.length}):`)
  for (const r of below)
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
  return {
    mode: 'readability-test-pages',
    pages: results.length,
    failures: failures.length,
    bodyMean: mean((r) => r.f1),
    bodyMedian: median((r) => r.f1),
    baselineBodyMean: mean((r) => r.baselineF1),
    belowBaseline: below.map((r) => r.name),
    results,
  }
}
