// Tests for the Omnivore importers: the JSON export, the zip export and its highlight Markdown.
import { zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { sniffOf } from '../../../../../../main/archive/import/importer.ts'
import { parseOmnivoreHighlights } from '../../../../../../main/archive/import/services/omnivore-highlights.ts'
import { omnivoreJsonImporter } from '../../../../../../main/archive/import/services/omnivore-json.ts'
import { omnivoreZipImporter } from '../../../../../../main/archive/import/services/omnivore-zip.ts'
import { failure, fixture, utf8 } from './load.ts'

describe('Omnivore JSON', () => {
  const { entries, problems } = omnivoreJsonImporter.parse(
    fixture('omnivore.json'),
    'omnivore.json',
  )

  it('maps labels, state, progress and dates', () => {
    expect(entries.map((e) => [e.url, e.tags, e.archived, e.status])).toEqual([
      ['https://example.com/first', ['RSS', 'Science'], true, 'read'],
      ['https://example.com/second', ['RSS'], false, 'reading'],
    ])
    expect(entries[0]!.addedAt).toBe('2024-10-29T16:30:11.000Z')
  })

  it('keeps highlights with their note and colour', () => {
    expect(entries[0]!.highlights).toEqual([
      { quote: 'The first quoted sentence.', note: 'My note', color: 'green' },
    ])
  })

  it('turns content into a sanitised HTML article, and no content into a link', () => {
    expect(entries[0]!.article).toBeUndefined()
    const article = entries[1]!.article!
    expect(article.format).toBe('html')
    expect(article.bodyHtml).toBe('<p>Body of the <b>second</b> article.</p>')
    expect(article.paragraphs).toEqual(['Body of the second article.'])
    expect(article.title).toBe('Second article')
  })

  it('skips deleted items and items without a web address, saying why', () => {
    expect(problems.map((s) => s.reason)).toEqual([
      'was deleted in Omnivore',
      '"not a url" is not a web address',
    ])
  })

  it('claims the export but not any JSON list', () => {
    expect(omnivoreJsonImporter.matches(sniffOf('omnivore.json', fixture('omnivore.json')))).toBe(
      true,
    )
    expect(
      omnivoreJsonImporter.matches(sniffOf('x.json', utf8('[{"slug":"a","title":"b"}]'))),
    ).toBe(false)
    expect(omnivoreJsonImporter.matches(sniffOf('x.txt', fixture('omnivore.json')))).toBe(false)
  })
})

describe('Omnivore highlights Markdown', () => {
  it('splits quotes, labels and multi-line notes', () => {
    const md = new TextDecoder().decode(fixture('omnivore-zip/highlights/with-content-aa11.md'))
    expect(parseOmnivoreHighlights(md)).toEqual([
      {
        quote: 'The ministry said on Monday that talks would resume.',
        note: 'This is my note\non two lines.',
        tags: ['politics', 'talks'],
      },
      { quote: 'Officials confirmed the date.' },
    ])
  })

  it('joins a quote that runs over several lines, with or without ">"', () => {
    expect(parseOmnivoreHighlights('> first line\n> second line\nthird line ')).toEqual([
      { quote: 'first line\nsecond line\nthird line' },
    ])
  })

  it('finds nothing in text that has no quote', () => {
    expect(parseOmnivoreHighlights('just a note\n\nanother')).toEqual([])
  })
})

describe('Omnivore zip', () => {
  const files = {
    'metadata_0_to_2.json': fixture('omnivore-zip/metadata_0_to_2.json'),
    'content/with-content-aa11.html': fixture('omnivore-zip/content/with-content-aa11.html'),
    'highlights/with-content-aa11.md': fixture('omnivore-zip/highlights/with-content-aa11.md'),
  }
  const zip = zipSync(files)

  it('is claimed by its metadata file name', () => {
    expect(omnivoreZipImporter.matches(sniffOf('omnivore.zip', zip))).toBe(true)
    expect(
      omnivoreZipImporter.matches(sniffOf('o.zip', zipSync({ 'part_000000.csv': utf8('x') }))),
    ).toBe(false)
  })

  it('joins metadata, content and highlights by slug', () => {
    const { entries, problems } = omnivoreZipImporter.parse(zip, 'omnivore.zip')
    expect(problems).toEqual([])
    expect(entries).toHaveLength(2)
    const [withContent, linkOnly] = entries
    expect(withContent!.source).toBe('omnivore.zip › metadata_0_to_2.json › item 1')
    expect(withContent!.tags).toEqual(['World'])
    expect(withContent!.highlights.map((h) => h.quote)).toEqual([
      'The ministry said on Monday that talks would resume.',
      'Officials confirmed the date.',
    ])
    const article = withContent!.article!
    expect(article.byline).toBe('Ben Reporter')
    expect(article.publishedAt).toBe('2024-04-30T09:00:00.000Z')
    expect(article.bodyHtml).not.toMatch(/onclick|onerror|iframe|evil/)
    expect(article.bodyHtml).toContain(
      '<a href="https://example.com/x" rel="noopener noreferrer">confirmed</a>',
    )
    expect(article.images).toEqual([{ src: 'https://example.com/photo.jpg' }])
    expect(linkOnly!.article).toBeUndefined()
    expect(linkOnly!.archived).toBe(true)
  })

  it('reads the export zipped again inside a folder', () => {
    const nested = zipSync({
      'Omnivore export/': new Uint8Array(),
      ...Object.fromEntries(Object.entries(files).map(([p, b]) => [`Omnivore export/${p}`, b])),
    })
    expect(omnivoreZipImporter.matches(sniffOf('omnivore.zip', nested))).toBe(true)
    const { entries } = omnivoreZipImporter.parse(nested, 'omnivore.zip')
    expect(entries.map((e) => [e.article !== undefined, e.highlights.length])).toEqual([
      [true, 2],
      [false, 0],
    ])
  })

  it('does not follow a slug that is a path', () => {
    const meta = JSON.stringify([
      { slug: '../x', url: 'https://example.com/a', title: 'A', state: 'Active' },
    ])
    const { entries } = omnivoreZipImporter.parse(
      zipSync({ 'metadata_0_to_1.json': utf8(meta) }),
      'o.zip',
    )
    expect(entries[0]!.article).toBeUndefined()
  })

  it('refuses a zip without metadata, and a metadata file that is not a list', () => {
    expect(
      failure(() => omnivoreZipImporter.parse(zipSync({ 'content/a.html': utf8('x') }), 'o.zip'))
        .message,
    ).toContain('metadata_*.json')
    const bad = zipSync({ 'metadata_0_to_1.json': utf8('{"a":1}') })
    expect(failure(() => omnivoreZipImporter.parse(bad, 'o.zip')).message).toContain('not a list')
  })
})
