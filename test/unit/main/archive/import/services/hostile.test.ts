// Hostile and damaged exports: every one ends in an ImportFailure that names the reason.
import fc from 'fast-check'
import { zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { ImportFailure } from '../../../../../../main/archive/import/extracted.ts'
import { MAX_CSV_BYTES } from '../../../../../../main/archive/import/services/limits.ts'
import { SERVICE_IMPORTERS } from '../../../../../../main/archive/import/services/index.ts'
import { instapaperCsvImporter } from '../../../../../../main/archive/import/services/instapaper-csv.ts'
import { pocketCsvImporter } from '../../../../../../main/archive/import/services/pocket-csv.ts'
import { wallabagJsonImporter } from '../../../../../../main/archive/import/services/wallabag-json.ts'
import { failure, fixture, fixtureText, utf8 } from './load.ts'

const POCKET_HEAD = 'title,url,time_added,tags,status\n'

describe('encodings', () => {
  it('reads a UTF-16 LE CSV with a BOM, and one without', () => {
    const text = fixtureText('pocket.csv')
    for (const bytes of [Buffer.from('\uFEFF' + text, 'utf16le'), Buffer.from(text, 'utf16le')]) {
      const { entries } = pocketCsvImporter.parse(new Uint8Array(bytes), 'p.csv')
      expect(entries.map((e) => e.url)).toHaveLength(3)
      expect(entries[1]!.title).toContain('Commas, quotes')
    }
  })

  it('reads a UTF-16 BE CSV with a BOM', () => {
    const le = Buffer.from('\uFEFF' + fixtureText('instapaper.csv'), 'utf16le')
    const be = new Uint8Array(le.length)
    for (let i = 0; i < le.length; i += 2) [be[i], be[i + 1]] = [le[i + 1]!, le[i]!]
    expect(instapaperCsvImporter.parse(be, 'i.csv').entries).toHaveLength(4)
  })

  it('reads a UTF-8 BOM and a Windows-1252 file', () => {
    const bom = utf8(
      '\uFEFF' + POCKET_HEAD + 'Caf\u00e9,https://example.com/a,1600000000,,unread\n',
    )
    expect(pocketCsvImporter.parse(bom, 'p.csv').entries[0]!.title).toBe('Café')
    const cp1252 = new Uint8Array([
      ...utf8(POCKET_HEAD + 'Caf'),
      0xe9,
      ...utf8(',https://example.com/a,1,,unread\n'),
    ])
    expect(pocketCsvImporter.parse(cp1252, 'p.csv').entries[0]!.title).toBe('Café')
  })
})

describe('damaged files', () => {
  it('refuses a CSV with a quote left open, naming the problem', () => {
    const err = failure(() =>
      pocketCsvImporter.parse(
        utf8(POCKET_HEAD + '"Open quote,https://example.com/a,1,,unread\nx,y\n'),
        'p.csv',
      ),
    )
    expect(err.code).toBe('INVALID_INPUT')
    expect(err.message).toMatch(/malformed CSV.*quote/i)
  })

  it('refuses a CSV without the needed columns', () => {
    const err = failure(() => pocketCsvImporter.parse(utf8('title,tags\nx,y\n'), 'p.csv'))
    expect(err.message).toBe('the CSV has no "url", "time_added", "status" column')
  })

  it('refuses a truncated JSON export as cut short', () => {
    const full = fixture('wallabag-v2.json')
    const err = failure(() => wallabagJsonImporter.parse(full.subarray(0, 300), 'w.json'))
    expect(err.code).toBe('INVALID_INPUT')
    expect(err.message).toContain('cut short')
  })

  it('refuses JSON that is not a list, empty files and binary files', () => {
    expect(
      failure(() => wallabagJsonImporter.parse(utf8('{"entries":[]}'), 'w.json')).message,
    ).toContain('not a list')
    expect(failure(() => wallabagJsonImporter.parse(utf8('  \n'), 'w.json')).code).toBe('EMPTY')
    const png = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1,
      0, 0, 7,
    ])
    expect(failure(() => pocketCsvImporter.parse(png, 'p.csv')).code).toBe('BINARY')
  })

  it('refuses a file over the cap before decoding it', () => {
    const huge = new Uint8Array(MAX_CSV_BYTES + 1).fill(0x61)
    const err = failure(() => pocketCsvImporter.parse(huge, 'p.csv'))
    expect(err.code).toBe('TOO_LARGE')
    expect(err.message).toContain('64 MB')
  })

  it('survives deeply nested JSON and HTML without a stack overflow', () => {
    const deepJson = utf8('['.repeat(200_000) + ']'.repeat(200_000))
    expect(wallabagJsonImporter.parse(deepJson, 'w.json').problems).toEqual([
      { source: 'w.json › item 1', reason: 'is not an object' },
    ])
    const deepHtml = '<div>'.repeat(50_000) + 'deep text' + '</div>'.repeat(50_000)
    const item = [
      { url: 'https://example.com/deep', title: 'Deep', is_archived: 0, content: deepHtml },
    ]
    // Depth is what would hurt (a stack overflow, or minutes): it parses, and ends.
    const { entries, problems } = wallabagJsonImporter.parse(utf8(JSON.stringify(item)), 'w.json')
    expect(entries[0]!.article).toBeUndefined()
    expect(entries[0]!.url).toBe('https://example.com/deep')
    expect(problems).toEqual([
      {
        source: 'w.json › item 1',
        reason:
          'its article body could not be sanitised (its elements are nested more than 512 deep); imported as a link only',
      },
    ])
  })
})

describe('any bytes: only ImportFailure is ever thrown', () => {
  function onlyImportFailure(run: () => unknown): boolean {
    try {
      run()
      return true
    } catch (err) {
      if (err instanceof ImportFailure) return true
      throw err
    }
  }

  const prefixes = [
    '',
    POCKET_HEAD,
    'URL,Title,Selection,Folder,Timestamp\n',
    'Highlight,Book Title,Book Author,Amazon Book ID,Note,Color,Tags,Location Type,Location,Highlighted at,Document tags\n',
    '[{"url":"https://example.com","is_archived":1,"content":"',
    '[{"uri":"https://example.com","target":[{"selector":[',
    '<title>Pocket Export</title><h1>Unread</h1><ul><li><a href="',
  ]

  it('random bytes after a plausible header', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...prefixes),
        fc.uint8Array({ maxLength: 2000 }),
        (prefix, tail) => {
          const bytes = new Uint8Array([...utf8(prefix), ...tail])
          return SERVICE_IMPORTERS.every((imp) => onlyImportFailure(() => imp.parse(bytes, 'x')))
        },
      ),
      { numRuns: 300 },
    )
  })

  it('random JSON values in the item lists', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 5 }), (items) => {
        const bytes = utf8(JSON.stringify(items))
        const wrapped = utf8(JSON.stringify({ annotations: items }))
        return SERVICE_IMPORTERS.every(
          (imp) =>
            onlyImportFailure(() => imp.parse(bytes, 'x')) &&
            onlyImportFailure(() => imp.parse(wrapped, 'x')),
        )
      }),
      { numRuns: 300 },
    )
  })

  it('random bytes inside a zip entry', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 1000 }), (junk) => {
        const zips = [
          zipSync({ 'part_000000.csv': junk, 'annotations/part_000000.json': junk }),
          zipSync({
            'metadata_0_to_1.json': junk,
            'content/a.html': junk,
            'highlights/a.md': junk,
          }),
          junk,
        ]
        return zips.every((z) =>
          SERVICE_IMPORTERS.every((imp) => onlyImportFailure(() => imp.parse(z, 'x.zip'))),
        )
      }),
      { numRuns: 200 },
    )
  })
})
