// KOReader: the JSON and Markdown exports and the metadata.*.lua sidecars (new and old
// layouts), read as data; the same highlights from several of them land once.
import { readFileSync } from 'node:fs'
import { copyFile, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  koreaderJsonImporter,
  koreaderMarkdownImporter,
} from '../../../../../../main/archive/import/highlights/koreader-exports.ts'
import { koreaderLuaImporter } from '../../../../../../main/archive/import/highlights/koreader-lua.ts'
import { readLuaReturn } from '../../../../../../main/archive/import/highlights/lua-table.ts'
import { sniffOf } from '../../../../../../main/archive/import/importer.ts'
import { importerFor } from '../../../../../../main/archive/import/registry.ts'
import { ArchiveService } from '../../../../../../main/archive/service.ts'
import { tempDir } from '../../../../helpers/temp-dir.ts'

const FIXTURES = join(import.meta.dirname, '../../../../../fixtures/highlights')
const bytes = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)))

const HARBOUR = {
  quote: 'The harbour was older than the town.',
  note: 'Check the port records.',
  location: { type: 'page', value: 12, chapter: '1. The Harbour' },
}

describe('KOReader', () => {
  it('claims each of its files by name and content', () => {
    const id = (name: string, file = name) => importerFor(sniffOf(name, bytes(file)))?.id
    expect(id('koreader.json')).toBe('koreader-json')
    expect(id('koreader.md')).toBe('koreader-md')
    expect(id('Salt Road.sdr/metadata.epub.lua', 'metadata.epub.lua')).toBe('koreader-lua')
  })

  it('reads the JSON export: pages, chapters, times, colours; an empty entry is named', () => {
    const { entries, problems } = koreaderJsonImporter.parse(bytes('koreader.json'), 'k.json')
    expect(entries[0]!.book).toMatchObject({ title: 'The Salt Road', authors: ['Eleanor Marsh'] })
    expect(entries[0]!.highlights[0]).toMatchObject({
      ...HARBOUR,
      createdAt: '2024-01-05T10:00:00.000Z',
      color: 'yellow',
    })
    expect(entries[0]!.highlights[1]).toMatchObject({
      quote: 'Ships do not wait,\nthe tide does not either.',
      sourceColor: 'orange',
      location: { chapter: '2. "Tides"' },
    })
    expect(problems).toEqual([
      { source: 'k.json › book 1 › entry 3', reason: 'has no text or note' },
    ])
  })

  it('reads the Markdown export: books, authors, chapters, styles off, notes after ---', () => {
    const { entries } = koreaderMarkdownImporter.parse(bytes('koreader.md'), 'k.md')
    expect(entries.map((e) => [e.book?.title, e.book?.authors])).toEqual([
      ['The Salt Road', ['Eleanor Marsh']],
      ['Maps and Their Makers', ['Ann Lee', 'Bo Chen']],
    ])
    expect(entries[0]!.highlights[0]).toMatchObject({
      ...HARBOUR,
      createdAt: '2024-01-05T10:00:00.000Z',
    })
    expect(entries[0]!.highlights[1]!.quote).toBe('Ships do not wait,\nthe tide does not either.')
    expect(entries[1]!.highlights[0]!.location).toEqual({
      type: 'page',
      label: 'xii',
      chapter: 'Introduction',
    })
  })

  it('reads a sidecar with annotations: highlights, a bookmark, ISBN and UTF-8 escapes', () => {
    const { entries } = koreaderLuaImporter.parse(bytes('metadata.epub.lua'), 'metadata.epub.lua')
    const [book] = entries
    expect(book!.book).toMatchObject({
      title: 'The Salt Road',
      isbn: '9780000000002',
      language: 'en',
    })
    expect(book!.highlights[0]).toMatchObject({ ...HARBOUR, createdAt: '2024-01-05T10:00:00.000Z' })
    expect(book!.highlights[1]!.quote).toBe('Ships do not wait,\nthe tide does not either. café')
    expect(book!.bookmarks).toMatchObject([
      { location: { type: 'page', value: 77, chapter: '3. Bridges' } },
    ])
  })

  it('reads an older sidecar: highlight table, note from its bookmark, a plain bookmark', () => {
    const { entries } = koreaderLuaImporter.parse(bytes('metadata.pdf.lua'), 'metadata.pdf.lua')
    expect(entries[0]!.book?.authors).toEqual(['Ann Lee', 'Bo Chen'])
    expect(entries[0]!.highlights).toMatchObject([
      {
        quote: 'Every map is an argument.',
        note: 'A claim worth testing',
        location: { type: 'page', value: 5 },
      },
    ])
    expect(entries[0]!.bookmarks).toMatchObject([{ location: { type: 'page', value: 9 } }])
  })

  it('refuses code in a sidecar without running it', () => {
    expect(() => readLuaReturn('return { a = os.execute("rm -rf /") }')).toThrow(/code/)
    expect(() =>
      koreaderLuaImporter.parse(new TextEncoder().encode('return { x = y }'), 'metadata.epub.lua'),
    ).toThrow(/cannot be read/)
  })

  it('lands the same highlights from JSON, Markdown and the sidecar on one book, once', async () => {
    const root = await tempDir()
    await mkdir(join(root, 'Salt Road.sdr'))
    await copyFile(join(FIXTURES, 'koreader.json'), join(root, 'k.json'))
    await copyFile(join(FIXTURES, 'koreader.md'), join(root, 'k.md'))
    await copyFile(
      join(FIXTURES, 'metadata.epub.lua'),
      join(root, 'Salt Road.sdr', 'metadata.epub.lua'),
    )
    const service = await ArchiveService.open(join(root, 'archive'))
    const first = await service.importPaths([join(root, 'k.json')])
    const id = first.results.find((r) => r.status === 'imported')!.id
    await service.importPaths([join(root, 'k.md')])
    await service.importPaths([join(root, 'Salt Road.sdr', 'metadata.epub.lua')])
    await service.importPaths([join(root, 'k.json'), join(root, 'k.md')])
    const { article } = await service.get(id)
    expect(article.kind).toBe('book')
    expect(article.identifiers).toEqual({ isbn: '9780000000002' })
    expect(article.annotations.map((a) => a.target.quote.exact)).toEqual([
      'The harbour was older than the town.',
      'Ships do not wait,\nthe tide does not either.',
      'Ships do not wait,\nthe tide does not either. café',
    ])
    expect(article.bookmarks).toHaveLength(1)
    await service.close()
  }, 60_000)
})
