// Multi-item sources through the pipeline: link records, articles with their state and
// highlights, merges into copies already in the archive, and cancelling.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ArchiveService } from '../../../../../main/archive/service.ts'
import type { EntriesImporter } from '../../../../../main/archive/import/importer.ts'
import type { ImportEntry } from '../../../../../main/archive/import/extracted.ts'
import { IMPORTERS } from '../../../../../main/archive/import/registry.ts'
import { tempDir } from '../../../helpers/temp-dir.ts'

/** A test importer: `.entries.json` files hold the entries themselves. */
const fake: EntriesImporter = {
  id: 'test-entries',
  label: 'test entries (.entries.json)',
  kind: 'entries',
  maxBytes: 1024 * 1024,
  matches: (s) => s.name.endsWith('.entries.json'),
  entries: (bytes) => JSON.parse(Buffer.from(bytes).toString('utf8')) as ImportEntry[],
}

beforeEach(() => void IMPORTERS.unshift(fake))
afterEach(() => void IMPORTERS.splice(IMPORTERS.indexOf(fake), 1))

const body = (...ps: string[]) => ({
  title: 'Rivers rise',
  authors: ['Ann Lee'],
  paragraphs: ps,
  bodyHtml: ps.map((p) => `<p>${p}</p>`).join(''),
  format: 'html' as const,
})

async function importEntries(service: ArchiveService, dir: string, entries: ImportEntry[]) {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.entries.json`)
  await writeFile(file, JSON.stringify(entries))
  return service.importPaths([file])
}

describe('importing entries', () => {
  it('stores link-only items as link records with their state, tags and orphaned highlights', async () => {
    const dir = await tempDir()
    const service = await ArchiveService.open(join(dir, 'a'))
    const report = await importEntries(service, dir, [
      {
        source: 'x › row 1',
        url: 'https://example.com/story?utm_source=feed',
        title: 'A story',
        tags: ['news', 'bad,tag'],
        archived: true,
        favorite: true,
        addedAt: '2020-01-02T03:04:05Z',
        highlights: [{ quote: 'a passage', note: 'why it matters' }],
      },
      { source: 'x › row 2', tags: [], highlights: [] },
    ])
    expect(report).toMatchObject({ imported: 1, failed: 1 })
    expect(report.results[1]).toMatchObject({ error: { code: 'INVALID_INPUT' } })
    const id = report.results[0]!.status === 'imported' ? report.results[0]!.id : ''
    const { article, body: html, anchors } = await service.get(id)
    expect(article).toMatchObject({
      title: 'A story',
      url: 'https://example.com/story?utm_source=feed',
      tags: ['news', 'bad tag'],
      favorite: true,
      importedAt: '2020-01-02T03:04:05.000Z',
      origin: { kind: 'service', format: 'link', service: 'test-entries' },
    })
    expect(article.archivedAt).not.toBeNull()
    expect(html).toBe('')
    expect(article.annotations[0]).toMatchObject({ orphaned: true, note: 'why it matters' })
    expect(article.annotations[0]!.target.quote.exact).toBe('a passage')
    expect(anchors[0]!.status).toBe('orphaned')
    await service.close()
  })

  it('anchors highlights in the text an entry carries', async () => {
    const dir = await tempDir()
    const service = await ArchiveService.open(join(dir, 'a'))
    const report = await importEntries(service, dir, [
      {
        source: 'w › 1',
        article: body('The river rose two metres overnight.', 'Farmers moved their  cattle.'),
        tags: [],
        status: 'read',
        highlights: [
          { quote: 'moved their\ncattle', color: 'green' },
          { quote: 'not in the text at all' },
        ],
      },
    ])
    const id = report.results[0]!.status === 'imported' ? report.results[0]!.id : ''
    const { article, anchors } = await service.get(id)
    expect(article.status).toBe('read')
    expect(article.progress).toBe(1)
    expect(anchors.map((a) => a.status)).toEqual(['exact-position', 'orphaned'])
    expect(article.annotations[0]).toMatchObject({ color: 'green', orphaned: false })
    await service.close()
  })

  it('merges a second copy (same address) into the first: tags and new highlights added', async () => {
    const dir = await tempDir()
    const service = await ArchiveService.open(join(dir, 'a'))
    const first = await importEntries(service, dir, [
      {
        source: 'a',
        url: 'https://example.com/r',
        article: body('The river rose two metres overnight.'),
        tags: ['one'],
        highlights: [{ quote: 'two metres' }],
      },
    ])
    const second = await importEntries(service, dir, [
      {
        source: 'b',
        url: 'http://www.example.com/r/?fbclid=1',
        tags: ['two'],
        highlights: [{ quote: 'two metres' }, { quote: 'overnight' }],
      },
    ])
    expect(second.results[0]).toMatchObject({ status: 'duplicate', merged: expect.any(String) })
    const id = first.results[0]!.status === 'imported' ? first.results[0]!.id : ''
    const { article } = await service.get(id)
    expect(article.tags).toEqual(['one', 'two'])
    expect(article.annotations.map((a) => a.target.quote.exact)).toEqual([
      'two metres',
      'overnight',
    ])
    expect((await service.info()).articleCount).toBe(1)
    await service.close()
  })

  it('stops between items when cancelled and reports the rest as skipped', async () => {
    const dir = await tempDir()
    const service = await ArchiveService.open(join(dir, 'a'))
    const controller = new AbortController()
    controller.abort()
    const file = join(dir, 'one.entries.json')
    await writeFile(file, '[]')
    const report = await service.importPaths([file], { signal: controller.signal })
    expect(report.results).toEqual([
      { status: 'skipped', source: file, reason: 'import cancelled' },
    ])
    await service.close()
  })
})

describe('twins in one batch', () => {
  it('are duplicates of the first copy, never failures, however the writes interleave', async () => {
    const dir = await tempDir()
    const service = await ArchiveService.open(join(dir, 'a'))
    // Many copies at once: the pipeline stores 16 files concurrently, so twins arrive while
    // the first copy's body is still being written.
    const files = Array.from({ length: 40 }, (_, i) => join(dir, `copy-${i}.txt`))
    const text = 'Harbour closes\n\n' + 'Ships waited outside the port. '.repeat(200) + '\n'
    for (const f of files) await writeFile(f, text)
    const report = await service.importPaths(files)
    expect(report).toMatchObject({ imported: 1, duplicates: 39, failed: 0 })
    await service.close()
  })
})
