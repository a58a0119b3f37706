// The app's export runner over a real archive: selections, caps, every format's file name,
// type and bytes, the zip of notes, previews, and backups taken inside the write queue.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { ExportTemplateSchema, type ExportFormat } from '../../../../../shared/api.ts'
import { QuireError } from '../../../../../shared/errors.ts'
import { ArchiveService } from '../../../../../main/archive/service.ts'
import { createHandlers } from '../../../../../main/api/handlers.ts'
import {
  MAX_EXPORT_ITEMS,
  PREVIEW_CHARS,
  PREVIEW_ITEMS,
  previewExport,
  runExport,
  selectIds,
  type ExportSource,
} from '../../../../../main/archive/export/export-runner.ts'
import {
  DEFAULT_TEMPLATE,
  MarkdownTemplateSchema,
} from '../../../../../main/archive/export/markdown-template.ts'
import { renderNotes } from '../../../../../main/archive/export/markdown.ts'
import { parseQuireJson } from '../../../../../main/archive/export/quire-json.ts'
import { buildArchive } from './archive-fixture.ts'

let dir: string
let service: ArchiveService
let live: string[]
let trashed: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quire-export-runner-'))
  const ids = await buildArchive(join(dir, 'archive'))
  live = ids.slice(0, 2)
  trashed = ids[2]!
  service = await ArchiveService.open(join(dir, 'archive'))
}, 180_000)

afterAll(async () => {
  await service?.close()
  await rm(dir, { recursive: true, force: true })
})

const two = () => ({ kind: 'ids' as const, ids: live })

describe('selectIds', () => {
  it('keeps given ids once each, in order', async () => {
    const r = await selectIds(service, { kind: 'ids', ids: [live[1]!, live[0]!, live[1]!] })
    expect(r).toEqual({ ids: [live[1], live[0]], total: 2, capped: false })
  })

  it('takes everything but the trash for "all", and a tag’s articles for a tag', async () => {
    const all = await selectIds(service, { kind: 'all' })
    expect(all.ids.sort()).toEqual([...live].sort())
    expect(all.ids).not.toContain(trashed)
    const tagged = await selectIds(service, { kind: 'tag', tag: 'economy' })
    expect(tagged.ids).toEqual([live[1]])
  })

  it('runs a search through the index, over every page', async () => {
    const r = await selectIds(service, { kind: 'search', query: 'tag:politics' })
    expect(r.ids).toEqual([live[0]])
    const none = await selectIds(service, { kind: 'search', query: 'tag:nothing-has-this' })
    expect(none.ids).toEqual([])
  }, 180_000)

  it('stops at the cap and says so', async () => {
    const total = MAX_EXPORT_ITEMS + 1234
    let calls = 0
    const big = {
      ...sourceOf(service),
      list: async (q: { offset: number; limit: number }) => {
        calls++
        const n = Math.max(0, Math.min(q.limit, total - q.offset))
        const items = Array.from({ length: n }, (_, i) => ({
          id: (q.offset + i).toString(16).padStart(16, '0'),
        }))
        return { items, total, offset: q.offset } as never
      },
    } satisfies ExportSource
    const r = await selectIds(big, { kind: 'all' })
    expect(r.capped).toBe(true)
    expect(r.ids).toHaveLength(MAX_EXPORT_ITEMS)
    expect(new Set(r.ids).size).toBe(MAX_EXPORT_ITEMS)
    expect(calls).toBe(MAX_EXPORT_ITEMS / 500)
    expect(r.total).toBe(total)

    // A preview reads one short page and a few articles, whatever the selection's size.
    calls = 0
    const gets: string[] = []
    const item = await service.get(live[0]!)
    const p = await previewExport(
      { ...big, get: async (id) => (gets.push(id), item) },
      { format: 'readwise', selection: { kind: 'all' } },
    )
    expect(calls).toBe(1)
    expect(gets).toHaveLength(PREVIEW_ITEMS)
    expect(p).toMatchObject({ itemCount: MAX_EXPORT_ITEMS, capped: true })
    expect(p.text).toContain(`and ${(MAX_EXPORT_ITEMS - PREVIEW_ITEMS).toLocaleString('en')} more`)
    const ids = Array.from({ length: MAX_EXPORT_ITEMS + 1 }, (_, i) =>
      i.toString(16).padStart(16, '0'),
    )
    expect((await selectIds(service, { kind: 'ids', ids })).capped).toBe(true)
  })
})

describe('runExport', () => {
  const cases: [ExportFormat, RegExp, string, (b: Uint8Array) => void][] = [
    ['readwise', /\.csv$/, 'text/csv', (b) => expect(csvRows(b)).toHaveLength(1 + 4)],
    ['jsonld', /\.jsonld$/, 'application/ld+json', (b) => expect(json(b).total).toBe(4)],
    ['html', /\.html$/, 'text/html', (b) => expect(strFromU8(b)).toMatch(/<mark/)],
    ['epub', /\.epub$/, 'application/epub+zip', (b) => expect(unzipSync(b).mimetype).toBeTruthy()],
    [
      'bibtex',
      /\.bib$/,
      'application/x-bibtex',
      (b) => expect(text(b).match(/^@/gm)).toHaveLength(2),
    ],
    [
      'ris',
      /\.ris$/,
      'application/x-research-info-systems',
      (b) => expect(text(b)).toMatch(/^TY {2}- /m),
    ],
    [
      'csl',
      /\.json$/,
      'application/vnd.citationstyles.csl+json',
      (b) => expect(json(b)).toHaveLength(2),
    ],
    [
      'markdown',
      /^quire selection \d{4}-\d\d-\d\d\.zip$/,
      'application/zip',
      (b) => expect(Object.keys(unzipSync(b))).toHaveLength(2),
    ],
  ]
  it.each(cases)('%s: name, type and bytes', async (format, name, mime, check) => {
    const file = await runExport(service, { format, selection: two() })
    expect(file.fileName).toMatch(name)
    expect(file.mime).toBe(mime)
    expect(file.itemCount).toBe(2)
    check(file.bytes)
  })

  it('zips one note per article that unzips to the rendered notes, template applied', async () => {
    const template = { ...DEFAULT_TEMPLATE, highlight: '* {{quote}} ({{color}})' }
    const file = await runExport(service, { format: 'markdown', selection: two(), template })
    const files = unzipSync(file.bytes)
    const items = await Promise.all(live.map((id) => service.get(id)))
    const expected = renderNotes(items, template)
    expect(Object.keys(files).sort()).toEqual(expected.map((n) => n.name).sort())
    for (const n of expected) expect(strFromU8(files[n.name]!)).toBe(n.text)
    expect(strFromU8(files[expected[0]!.name]!)).toMatch(/^\* .+ \(green\)$/m)
  })

  it('gives one article as a single .md named for its title', async () => {
    const item = await service.get(live[0]!)
    const file = await runExport(service, {
      format: 'markdown',
      selection: { kind: 'ids', ids: [live[0]!] },
    })
    expect(file.mime).toBe('text/markdown')
    expect(file.fileName).toBe(`${renderNotes([item])[0]!.name}`)
    expect(text(file.bytes)).toContain(item.article.annotations[0]!.target.quote.exact)
  })

  it('refuses PDF without a printer, and prints the annotated HTML with one', async () => {
    await expect(runExport(service, { format: 'pdf', selection: two() })).rejects.toMatchObject({
      code: 'UNSUPPORTED',
    })
    const printed: string[] = []
    const file = await runExport(service, { format: 'pdf', selection: two() }, async (html) => {
      printed.push(html)
      return new TextEncoder().encode('%PDF-1.7 fake')
    })
    expect(file).toMatchObject({ mime: 'application/pdf', itemCount: 2 })
    expect(file.fileName).toMatch(/\.pdf$/)
    expect(printed[0]).toMatch(/<mark/)
  })

  it('says so when there is nothing to export', async () => {
    const err = await runExport(service, {
      format: 'readwise',
      selection: { kind: 'tag', tag: 'no-such-tag' },
    }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(QuireError)
    expect((err as QuireError).code).toBe('INVALID_INPUT')
  })

  it('exports the whole archive as Quire JSON whatever the selection, trash included', async () => {
    const file = await runExport(service, {
      format: 'quire-json',
      selection: { kind: 'ids', ids: [live[0]!] },
    })
    expect(file.fileName).toMatch(/^quire-archive-.*\.json$/)
    const doc = parseQuireJson(text(file.bytes), file.fileName)
    expect(doc.articles.map((a) => a.record.id).sort()).toEqual([...live, trashed].sort())
  })

  it('takes the backup in the write queue: a write queued before it is in the zip', async () => {
    const note = `queued before the backup ${Date.now()}`
    const write = service.setNote(live[0]!, note)
    const file = await runExport(service, { format: 'backup', selection: { kind: 'all' } })
    await write
    expect(file.mime).toBe('application/zip')
    const files = unzipSync(file.bytes)
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['quire.json', 'quire-backup.json']))
    const shards = Object.entries(files).filter(([n]) => n.startsWith('catalog/'))
    expect(shards.some(([, b]) => strFromU8(b).includes(note))).toBe(true)
  })
})

describe('previewExport', () => {
  it('shows the Markdown note with its highlight quote and the template in use', async () => {
    const item = await service.get(live[0]!)
    const p = await previewExport(service, {
      format: 'markdown',
      selection: { kind: 'ids', ids: [live[0]!] },
    })
    expect(p.text).toContain(item.article.annotations[0]!.target.quote.exact.trim().slice(0, 10))
    expect(p.template).toEqual(DEFAULT_TEMPLATE)
    expect(p).toMatchObject({ itemCount: 1, truncated: false, mime: 'text/markdown' })
    const custom = { ...DEFAULT_TEMPLATE, highlight: 'QUOTE={{quote}}' }
    const q = await previewExport(service, {
      format: 'markdown',
      selection: { kind: 'ids', ids: [live[0]!] },
      template: custom,
    })
    expect(q.text).toMatch(/^QUOTE=/m)
    expect(q.template).toEqual(custom)
  })

  it('cuts a long preview and counts every article', async () => {
    const item = await service.get(live[0]!)
    const long: ExportSource = {
      ...sourceOf(service),
      get: async () => ({ ...item, article: { ...item.article, note: 'x'.repeat(300_000) } }),
    }
    const p = await previewExport(long, { format: 'markdown', selection: two() })
    expect(p.truncated).toBe(true)
    expect(p.text).toHaveLength(PREVIEW_CHARS)
    expect(p.itemCount).toBe(2)
    expect(p.fileName).toMatch(/\.zip$/)
  })

  it('describes the whole-archive formats instead of rendering them', async () => {
    const p = await previewExport(service, { format: 'backup', selection: two() })
    expect(p.text).toMatch(/zip of the whole archive/)
    expect(p.itemCount).toBe(2)
  })
})

describe('the ops', () => {
  it('answer base64 bytes, and UNSUPPORTED for PDF in the browser shell', async () => {
    const handlers = createHandlers(service, () => {})
    const file = await handlers['export:run']({ format: 'readwise', selection: two() })
    expect(csvRows(Buffer.from(file.dataBase64, 'base64'))).toHaveLength(5)
    await expect(handlers['export:run']({ format: 'pdf', selection: two() })).rejects.toMatchObject(
      { code: 'UNSUPPORTED' },
    )
    const app = {
      chooseArchive: async () => ({ changed: false }),
      printToPdf: async () => new TextEncoder().encode('%PDF-1.4 x'),
    }
    const pdf = await createHandlers(service, () => {}, app)['export:run']({
      format: 'pdf',
      selection: two(),
    })
    expect(Buffer.from(pdf.dataBase64, 'base64').toString()).toBe('%PDF-1.4 x')
  })

  it('validate the template with the same rules as MarkdownTemplateSchema', () => {
    expect(z.toJSONSchema(ExportTemplateSchema)).toEqual(z.toJSONSchema(MarkdownTemplateSchema))
  })
})

describe('notebook export', () => {
  it('writes what the notebook shows: its articles, only the matching highlights', async () => {
    const all = await runExport(service, {
      format: 'jsonld',
      selection: { kind: 'notebook', filters: {} },
    })
    const doc = JSON.parse(text(all.bytes)) as { total: number }
    expect(doc.total).toBe(4)
    const pink = await runExport(service, {
      format: 'readwise',
      selection: { kind: 'notebook', filters: { color: 'pink' } },
    })
    const rows = Papa.parse<string[]>(text(pink.bytes), { skipEmptyLines: true }).data.slice(1)
    expect(rows).toHaveLength(2)
    expect(rows.every((r) => r[7] === 'pink')).toBe(true)
    expect(pink.fileName).toMatch(/^quire notebook \d{4}-\d{2}-\d{2}\.csv$/)
  })
})

function sourceOf(s: ArchiveService): ExportSource {
  return {
    root: s.root,
    get: (id) => s.get(id),
    list: (q) => s.list(q),
    search: (q) => s.search(q),
    listAnnotations: (q) => s.listAnnotations(q),
    snapshot: (use) => s.snapshot(use),
    backupZip: (out) => s.backupZip(out),
  }
}

function text(b: Uint8Array): string {
  return strFromU8(b)
}

function json(b: Uint8Array) {
  return JSON.parse(text(b)) as { total?: number } & unknown[]
}

function csvRows(b: Uint8Array): string[][] {
  const parsed = Papa.parse<string[]>(text(b), { skipEmptyLines: true })
  expect(parsed.errors).toEqual([])
  return parsed.data
}
