// `npm run check:exports [-- --corpus DIR] [--w3c DIR] [--keep DIR]`: builds a realistic
// archive (from our fixtures, or from the corpus: the BBC news and the Readability pages),
// exports it in every format through the same writer as the CLI, and has each export read
// by the real consumer: epubcheck, the W3C Web Annotation test suite (draft-04 schemas),
// pandoc (biblatex, BibTeX, CSL-JSON), a strict RIS reader, csv-parse, CommonMark and YAML.
// Then it restores the backup into a fresh archive and compares it byte for byte.
// Exit 0 when every consumer accepts every export, 1 otherwise.
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { ExportFormat } from '../../shared/api.ts'
import { ArchiveService } from '../../main/archive/service.ts'
import { webAddress } from '../../main/archive/export/citation-fields.ts'
import { creatorsOf } from '../../main/archive/export/creators.ts'
import { parseQuireJson } from '../../main/archive/export/quire-json.ts'
import { restoreBackup } from '../../main/archive/export/restore.ts'
import { writeExportFile } from '../../main/archive/export/write-export.ts'
import type { Article } from '../../shared/model.ts'
import { LOCATION_FRAGMENT_FORM, parseLocationFragment } from '../../shared/location-fragment.ts'
import { buildCheckArchive } from './exports/build-archive.ts'
import {
  checkMarkdown,
  checkReadwise,
  checkRis,
  type Verdict,
} from './exports/check-text-formats.ts'
import { compareArchives } from './exports/compare-archives.ts'
import { epubcheck, pandocToCsl, pandocVersion } from './exports/external-tools.ts'
import { loadW3cSuite } from './exports/w3c-annotation.ts'

const { values } = parseArgs({
  options: { corpus: { type: 'string' }, w3c: { type: 'string' }, keep: { type: 'string' } },
})
const repo = resolve(import.meta.dirname, '../..')
const w3cDir = values.w3c ?? join(repo, '../shared/corpus/w3c-annotation')
const work = await mkdtemp(join(tmpdir(), 'quire-check-exports-'))
const out = values.keep ? resolve(values.keep) : join(work, 'out')
await mkdir(out, { recursive: true })
const rows: { format: string; consumer: string; verdict: Verdict }[] = []
const record = (format: string, consumer: string, run: () => Verdict | Promise<Verdict>) =>
  Promise.resolve()
    .then(run)
    .catch((err: unknown) => ({ ok: false, detail: (err as Error).message.split('\n')[0]! }))
    .then((verdict) => rows.push({ format, consumer, verdict }))

try {
  const root = join(work, 'archive')
  const started = Date.now()
  const built = await buildCheckArchive(root, {
    ...(values.corpus ? { corpus: resolve(values.corpus) } : {}),
    work,
  })
  console.log(
    `archive (${values.corpus ? `corpus ${values.corpus}` : 'fixtures'}): ${built.articles} articles (${built.books} books), ${built.annotated} annotated, ${built.highlights} highlights, in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  )

  const service = await ArchiveService.open(root)
  const articles: Article[] = []
  const quotes: string[] = []
  /** Bookmarks of books: in JSON-LD they are `bookmarking` annotations. */
  let bookmarks = 0
  /** Highlights and bookmarks with a place (page, Kindle location…). */
  let located = 0
  for (let offset = 0; ; offset += 500) {
    const page = await service.list({
      view: 'all',
      sort: 'published',
      order: 'asc',
      offset,
      limit: 500,
    })
    for (const a of page.items) {
      const { article } = await service.get(a.id)
      articles.push(article)
      for (const h of article.annotations) quotes.push(h.target.quote.exact)
      bookmarks += article.bookmarks?.length ?? 0
      located +=
        article.annotations.filter((h) => h.target.location).length +
        (article.bookmarks?.length ?? 0)
    }
    if (page.items.length < 500) break
  }
  const files = new Map<ExportFormat, string>()
  for (const format of [
    'epub',
    'jsonld',
    'biblatex',
    'bibtex',
    'csl',
    'ris',
    'readwise',
    'markdown',
    'html',
    'quire-json',
    'backup',
  ] as const) {
    const path = join(out, `export.${format}`)
    await writeExportFile(service, { format, selection: { kind: 'all' } }, path)
    files.set(format, path)
  }
  await service.close()
  const text = async (f: ExportFormat) => readFile(files.get(f)!, 'utf8')

  await record('epub', 'epubcheck', () => {
    const r = epubcheck(files.get('epub')!)
    const clean = r.fatals + r.errors + r.warnings === 0
    return {
      ok: clean,
      detail: clean ? r.summary : `${r.summary}; ${r.messages.slice(0, 3).join(' | ')}`,
    }
  })

  if (existsSync(join(w3cDir, 'definitions'))) {
    await record('jsonld', 'W3C test suite (Ajv draft-04)', async () => {
      const suite = loadW3cSuite(w3cDir)
      const doc = JSON.parse(await text('jsonld')) as { first: { items: unknown[] }; total: number }
      const results = [
        ...doc.first.items.flatMap((a) => suite.run('annotations/annotationMusts.test', a)),
        ...suite.run('collections/collectionMusts.test', doc),
        ...suite.run('collections/pages/pageMusts.test', doc),
      ]
      const musts = results.filter((r) => r.level === 'must')
      const failed = musts.filter((r) => !r.passed)
      const expected = quotes.length + bookmarks
      if (doc.total !== expected || doc.first.items.length !== doc.total) {
        return {
          ok: false,
          detail: `${doc.total} annotations for ${quotes.length} highlights and ${bookmarks} bookmarks`,
        }
      }
      // Every place in a book travels as a location selector, and reads back as the same place.
      const places = doc.first.items.flatMap(locationsOf)
      if (places.length !== located || places.some((p) => !p.ok)) {
        return {
          ok: false,
          detail: `${places.filter((p) => p.ok).length} readable locations for ${located} located highlights and bookmarks`,
        }
      }
      return {
        ok: failed.length === 0,
        detail: `${musts.length - failed.length}/${musts.length} MUST assertions pass over ${doc.total} annotations (${bookmarks} bookmarks, ${located} with a book location)${failed.length ? `; ${failed[0]!.assertion}: ${failed[0]!.message}` : ''}`,
      }
    })
  } else {
    rows.push({
      format: 'jsonld',
      consumer: 'W3C test suite',
      verdict: { ok: true, detail: `skipped: no suite at ${w3cDir} (give --w3c DIR)` },
    })
  }

  const version = pandocVersion()
  for (const [format, from] of [
    ['biblatex', 'biblatex'],
    ['bibtex', 'bibtex'],
    ['csl', 'csljson'],
  ] as const) {
    await record(format, `pandoc -f ${from}`, () => {
      if (!version) throw new Error('pandoc is not installed (apt-get install -y pandoc)')
      const { run, items } = pandocToCsl(files.get(format)!, from)
      const warn = run.stderr.trim()
      if (run.code !== 0 || warn)
        return { ok: false, detail: `exit ${run.code}: ${warn.slice(0, 300)}` }
      const problems = checkCsl(items as CslOut[], articles, format)
      return {
        ok: problems.length === 0,
        detail: `${version}, exit 0, ${items.length} items${problems.length ? `; ${problems[0]}` : ', titles, addresses and names as expected'}`,
      }
    })
  }

  const cited = articles.map((a) => ({ title: a.title, ...urlOf(a) }))
  await record('ris', 'strict RIS reader', async () => checkRis(await text('ris'), cited))
  await record('readwise', 'csv-parse (strict)', async () =>
    checkReadwise(await text('readwise'), quotes),
  )
  await record('markdown', 'markdown-it commonmark + yaml', async () => {
    const expected = new Map(
      articles.map((a) => [
        a.id,
        { ...urlOf(a), highlights: a.annotations.map((h) => h.id), note: a.note.trim() !== '' },
      ]),
    )
    return checkMarkdown(new Uint8Array(await readFile(files.get('markdown')!)), expected)
  })
  await record('quire-json', 'parseQuireJson', async () => {
    const doc = parseQuireJson(await text('quire-json'), 'export.quire-json')
    const ok = doc.articles.length === articles.length
    return {
      ok,
      detail: `${doc.articles.length} articles, ${doc.savedSearches.length} saved searches`,
    }
  })
  await record('backup', 'restore + byte comparison', async () => {
    const target = join(work, 'restored')
    const done = await restoreBackup(files.get('backup')!, target, 'replace')
    const c = await compareArchives(root, target)
    const ok = c.differences.length === 0 && done.articles.added === articles.length
    return {
      ok,
      detail: `${c.records} records, ${c.annotations} annotations, ${c.files} files identical${c.differences.length ? `; ${c.differences.slice(0, 3).join(', ')}` : ''}`,
    }
  })
} finally {
  if (!values.keep) await rm(work, { recursive: true, force: true })
}

const width = Math.max(...rows.map((r) => r.format.length))
const cwidth = Math.max(...rows.map((r) => r.consumer.length))
for (const r of rows) {
  console.log(
    `${r.verdict.ok ? 'ok  ' : 'FAIL'}  ${r.format.padEnd(width)}  ${r.consumer.padEnd(cwidth)}  ${r.verdict.detail}`,
  )
}
const failed = rows.filter((r) => !r.verdict.ok).length
console.log(`${rows.length - failed} passed, ${failed} failed`)
process.exitCode = failed ? 1 : 0

/** The Quire location selectors of one exported annotation, each read back. */
function locationsOf(annotation: unknown): { ok: boolean }[] {
  const target = (annotation as { target?: { selector?: unknown } }).target
  const list = Array.isArray(target?.selector) ? target.selector : [target?.selector]
  return list
    .filter(
      (s): s is { conformsTo: string; value: string } =>
        (s as { conformsTo?: unknown } | undefined)?.conformsTo === LOCATION_FRAGMENT_FORM,
    )
    .map((s) => ({ ok: parseLocationFragment(String(s.value)) !== undefined }))
}

interface CslOut {
  title?: string
  URL?: string
  type?: string
  author?: { literal?: string; family?: string }[]
}

function urlOf(a: Article): { url?: string } {
  const url = webAddress(a)
  return url ? { url } : {}
}

/** Pandoc's reading agrees with the archive: title, address, organisations kept whole. */
function checkCsl(items: CslOut[], articles: Article[], format: string): string[] {
  const problems: string[] = []
  if (items.length !== articles.length)
    problems.push(`${items.length} items for ${articles.length} articles`)
  // CSL titles are rich text: pandoc (as citeproc) sets quotes as the locale's quotation
  // marks (a 'single-quoted' phrase becomes “primary”), apostrophes and dashes typographically;
  // compared with every quote mark folded to one.
  const key = (t: string | undefined) =>
    t
      ?.replace(/[“”"‘’']/g, '"')
      .replace(/[–—]|--+/g, '-')
      .replace(/…|\.\.\./g, '...')
      .replace(/\s+/g, ' ')
      .trim()
  const byTitle = new Map<string | undefined, CslOut[]>()
  for (const i of items) byTitle.set(key(i.title), [...(byTitle.get(key(i.title)) ?? []), i])
  for (const a of articles) {
    const item = byTitle.get(key(a.title))?.shift()
    if (!item) {
      problems.push(`no item titled ${JSON.stringify(a.title.slice(0, 40))}`)
      continue
    }
    const url = webAddress(a)
    if ((item.URL ?? undefined) !== url) problems.push(`${a.title}: URL ${item.URL} ≠ ${url}`)
    for (const org of creatorsOf(a).organizations) {
      if (!item.author?.some((n) => n.literal === org))
        problems.push(`${a.title}: ${org} not literal`)
    }
    if (format !== 'bibtex' && a.source && item.type !== 'article-newspaper') {
      problems.push(`${a.title}: type ${item.type}`)
    }
  }
  return problems
}
