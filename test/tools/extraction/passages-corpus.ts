// trafilatura's evaluation set (expected.json: address -> {file, with[], without[], title,
// author, date, …}, pages in pages/): body precision, recall and F counted as trafilatura's
// evaluation counts them, and title, author and date rates, for our importer and for bare
// Readability over linkedom.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { extractHtml } from '../../../main/archive/import/html/extract-html.ts'
import { bareReadability, bylineNames } from './bare-readability.ts'
import { CREDIT_RULE, creditsMatch } from './credit-match.ts'
import { collapse, foldLabel } from './normalise.ts'

interface Entry {
  file: string
  with: string[]
  without: string[]
  title?: string
  /** Names separated by `;` (two entries give a list). */
  author?: string | string[]
  date?: string
}

/** What one extractor produced for a page, as the scores need it. */
interface Output {
  title: string
  text: string
  authors: string[]
  organizations: string[]
  day: string
}

interface Scored {
  tp: number
  fn: number
  fp: number
  tn: number
  missed: string[]
  leaked: string[]
  /** undefined: not scored on this page (nothing known to compare with). */
  title?: boolean
  author?: boolean
  authorClaimedNoneExpected?: boolean
  date?: boolean
}

interface PageResult {
  url: string
  file: string
  failed?: string
  ms: number
  quire: Scored
  readability: Scored
  got?: { title: string; authors: string[]; organizations: string[]; day: string }
}

export function isPassagesCorpus(dir: string): boolean {
  return existsSync(join(dir, 'expected.json')) && existsSync(join(dir, 'pages'))
}

/** The calendar day an ISO date or a date Date.parse understands falls on, as written. */
function dayOf(value: string | undefined): string {
  if (!value) return ''
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(value.trim())
  if (m) return m[1]!
  const t = Date.parse(value)
  return Number.isNaN(t) ? '' : new Date(t).toISOString().slice(0, 10)
}

/**
 * The expected day as the corpus means it: a few entries are written "2022-29-11" or
 * "2022-11-1". Only a form with one reading is repaired (a month above 12 with a day of 12 or
 * less is a swapped day and month; one digit is padded); anything else stays as written.
 */
export function expectedDay(value: string): string {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value.trim())
  if (!m) return value
  let [month, day] = [Number(m[2]), Number(m[3])]
  if (month > 12 && day <= 12) [month, day] = [day, month]
  return `${m[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

function expectedAuthors(author: Entry['author']): string[] {
  if (author === undefined) return []
  const list = typeof author === 'string' ? author.split(';') : author
  return list.map((a) => a.trim()).filter((a) => a.length > 0)
}

function score(out: Output | undefined, e: Entry): Scored {
  const text = out ? collapse(`${out.title}\n${out.text}`) : undefined
  const s: Scored = { tp: 0, fn: 0, fp: 0, tn: 0, missed: [], leaked: [] }
  for (const p of e.with) {
    if (text !== undefined && text.includes(collapse(p))) s.tp++
    else {
      s.fn++
      s.missed.push(p)
    }
  }
  for (const p of e.without) {
    if (text !== undefined && text.includes(collapse(p))) {
      s.fp++
      s.leaked.push(p)
    } else s.tn++
  }
  if (e.title) s.title = foldLabel(out?.title) === foldLabel(e.title)
  const authors = expectedAuthors(e.author)
  if (authors.length > 0)
    s.author = creditsMatch(authors, out?.authors ?? [], out?.organizations ?? [])
  else if (e.author !== undefined) s.authorClaimedNoneExpected = (out?.authors.length ?? 0) > 0
  if (e.date) s.date = dayOf(out?.day) === expectedDay(e.date)
  return s
}

function checkPage(dir: string, url: string, e: Entry): PageResult {
  const bytes = readFileSync(join(dir, 'pages', e.file))
  const bare = bareReadability(bytes)
  const readability = score(
    bare && {
      title: bare.title,
      text: bare.paragraphs.join('\n'),
      authors: bylineNames(bare.byline),
      organizations: [],
      day: bare.publishedTime,
    },
    e,
  )
  const t = performance.now()
  try {
    const a = extractHtml(bytes)
    const ms = performance.now() - t
    const got = {
      title: a.title,
      authors: a.authors,
      organizations: a.organizations ?? [],
      day: dayOf(a.publishedAt),
    }
    const quire = score({ ...got, text: a.paragraphs.join('\n') }, e)
    return { url, file: e.file, ms, quire, readability, got }
  } catch (err) {
    const ms = performance.now() - t
    return { url, file: e.file, failed: String(err), ms, quire: score(undefined, e), readability }
  }
}

export interface Rates {
  precision: number
  recall: number
  f: number
  title: number
  author: number
  authorClaimedNoneExpected: number
  date: number
}

function rates(all: Scored[]): Rates {
  const sum = (f: (s: Scored) => number) => all.reduce((n, s) => n + f(s), 0)
  const tp = sum((s) => s.tp)
  const precision = tp / (tp + sum((s) => s.fp))
  const recall = tp / (tp + sum((s) => s.fn))
  const rate = (f: (s: Scored) => boolean | undefined) => {
    const scored = all.filter((s) => f(s) !== undefined)
    return scored.filter((s) => f(s)).length / scored.length
  }
  return {
    precision,
    recall,
    f: (2 * precision * recall) / (precision + recall),
    title: rate((s) => s.title),
    author: rate((s) => s.author),
    authorClaimedNoneExpected: rate((s) => s.authorClaimedNoneExpected),
    date: rate((s) => s.date),
  }
}

export interface PassagesSummary {
  mode: 'passages'
  pages: number
  failures: number
  quire: Rates
  readability: Rates
  msPerPage: number
  results: PageResult[]
}

export function checkPassagesCorpus(dir: string, opts: { misses: number }): PassagesSummary {
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Record<
    string,
    Entry
  >
  const results = Object.entries(expected).map(([url, e]) => checkPage(dir, url, e))
  const quire = rates(results.map((r) => r.quire))
  const readability = rates(results.map((r) => r.readability))
  const failures = results.filter((r) => r.failed)
  const count = (f: (e: Entry) => unknown) => Object.values(expected).filter(f).length
  console.log(
    `pages: ${results.length}, import failures: ${failures.length}; known titles ${count((e) => e.title)}, ` +
      `authors ${count((e) => expectedAuthors(e.author).length)} (none: ${count((e) => e.author !== undefined && !expectedAuthors(e.author).length)}), dates ${count((e) => e.date)}`,
  )
  for (const r of failures) console.log(`  FAILED ${r.file}: ${r.failed}`)
  const row = (r: Rates) => ({
    precision: r.precision.toFixed(3),
    recall: r.recall.toFixed(3),
    F: r.f.toFixed(3),
    title: r.title.toFixed(3),
    author: r.author.toFixed(3),
    date: r.date.toFixed(3),
  })
  console.log(
    'body: a `with` passage found in title+text is a hit, a `without` one a false positive',
  )
  console.table({ 'quire importer': row(quire), 'bare Readability + linkedom': row(readability) })
  const pct = (n: number) => `${(100 * n).toFixed(1)}%`
  console.log(`authors: ${CREDIT_RULE}`)
  console.log(
    `authors claimed where none expected: quire ${pct(quire.authorClaimedNoneExpected)}, ` +
      `bare Readability ${pct(readability.authorClaimedNoneExpected)}`,
  )
  const msPerPage = results.reduce((n, r) => n + r.ms, 0) / results.length
  console.log(`extractHtml: ${msPerPage.toFixed(1)} ms a page (mean, this run)`)
  const worst = [...results]
    .sort((a, b) => b.quire.fn + b.quire.fp - (a.quire.fn + a.quire.fp))
    .filter((r) => r.quire.fn + r.quire.fp > 0)
  console.log(`pages with a missed or leaked passage: ${worst.length}`)
  for (const r of worst.slice(0, opts.misses)) {
    console.log(`  ${r.file}  missed ${r.quire.fn}, leaked ${r.quire.fp}`)
    for (const p of r.quire.missed) console.log(`    - missed: ${p.slice(0, 90)}`)
    for (const p of r.quire.leaked) console.log(`    + leaked: ${p.slice(0, 90)}`)
  }
  return {
    mode: 'passages',
    pages: results.length,
    failures: failures.length,
    quire,
    readability,
    msPerPage,
    results,
  }
}
