// The importer as the pipeline sees it: which files it claims, what it refuses and why, and
// that no input whatsoever makes it throw anything but an ImportFailure.
import fc from 'fast-check'
import { parseHTML } from 'linkedom'
import { describe, expect, it } from 'vitest'
import { ImportFailure } from '../../../../../../main/archive/import/extracted.ts'
import { sniffOf } from '../../../../../../main/archive/import/importer.ts'
import { htmlImporter } from '../../../../../../main/archive/import/html/html-importer.ts'
import { MAX_HTML_BYTES } from '../../../../../../main/archive/import/html/extract-html.ts'
import { ALLOWED_ATTR, ALLOWED_TAGS } from '../../../../../../main/archive/import/html/purifier.ts'
import { fixture } from './fixtures.ts'

const enc = (s: string) => new TextEncoder().encode(s)
const claims = (name: string, text = '') => htmlImporter.matches(sniffOf(name, enc(text)))

/** Parses the body again and checks every element and attribute against the allow-list. */
function expectOnlyAllowedMarkup(html: string): void {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`)
  for (const el of document.body.querySelectorAll('*')) {
    expect(ALLOWED_TAGS).toContain(el.localName)
    for (const attr of el.attributes) {
      expect([...ALLOWED_ATTR, 'rel']).toContain(attr.name)
      if (attr.name === 'href') expect(attr.value).toMatch(/^(?:https?:|mailto:|#)/)
    }
  }
}

async function failure(bytes: Uint8Array): Promise<ImportFailure> {
  try {
    await htmlImporter.extract(bytes, { name: 'page.html' })
  } catch (err) {
    if (err instanceof ImportFailure) return err
    throw err
  }
  throw new Error('expected an ImportFailure')
}

describe('htmlImporter', () => {
  it('claims .html, .htm and .xhtml files, and unnamed files that start like HTML', () => {
    expect(htmlImporter).toMatchObject({ id: 'html', kind: 'article', maxBytes: 32 * 1024 * 1024 })
    expect(claims('a/Story.HTML')).toBe(true)
    expect(claims('story.htm')).toBe(true)
    expect(claims('story.xhtml')).toBe(true)
    expect(claims('download', '\ufeff<!DOCTYPE html><html>')).toBe(true)
    expect(
      claims('download', '<!-- saved from url=(0014)about:internet -->\n<html lang="en">'),
    ).toBe(true)
    expect(claims('page.unknownext', '<?xml version="1.0"?>\n<html xmlns="x">')).toBe(true)
    expect(claims('notes', 'Just a note about <html> tags')).toBe(false)
    expect(claims('notes.txt', '<!doctype html>')).toBe(false)
    expect(claims('feed.xml', '<html>')).toBe(false)
  })

  it('extracts a saved page', async () => {
    const a = await htmlImporter.extract(fixture('metadata-jsonld.html'), { name: 'x.html' })
    expect(a.format).toBe('html')
    expect(a.paragraphs).toHaveLength(5)
    expect(a.paragraphs[0]).toMatch(/^The harbour authority said on Tuesday/)
    expect(a.bodyHtml).toContain('<p>Fishermen who have waited years')
    expect(a.bodyHtml).not.toMatch(/Home|Copyright/)
  })

  it('refuses an empty file', async () => {
    expect(await failure(enc(''))).toMatchObject({ code: 'EMPTY', message: 'the file is empty' })
    expect((await failure(enc(' \n\t '))).code).toBe('EMPTY')
  })

  it('refuses binary data', async () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7919) % 256)
    expect(await failure(bytes)).toMatchObject({ code: 'BINARY' })
  })

  it('says what is missing when a page has no article', async () => {
    const f = await failure(fixture('no-article.html'))
    expect(f.code).toBe('EMPTY')
    expect(f.message).toMatch(/no article text/)
  })

  it('refuses a page over 32 MB', async () => {
    const f = await failure(new Uint8Array(MAX_HTML_BYTES + 1).fill(0x20))
    expect(f).toMatchObject({ code: 'TOO_LARGE' })
    expect(f.message).toMatch(/32 MB/)
  })

  it('never throws anything but ImportFailure, whatever the bytes', async () => {
    const tags = fc.constantFrom(
      '<p>',
      '</p>',
      '<div>',
      '<script>',
      '<img src=x>',
      '<svg>',
      '<!--',
      '<html>',
      '<table>',
      '&amp;',
      '<a href="javascript:x">',
      'words ',
    )
    const markup = fc
      .array(fc.oneof(tags, fc.string()), { maxLength: 60 })
      .map((parts) => enc(parts.join('')))
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 2000 }), markup), async (bytes) => {
        try {
          const a = await htmlImporter.extract(bytes, { name: 'fuzz.html' })
          expect(a.paragraphs.length).toBeGreaterThan(0)
          expectOnlyAllowedMarkup(a.bodyHtml ?? '')
        } catch (err) {
          expect(err).toBeInstanceOf(ImportFailure)
        }
      }),
      { numRuns: 300 },
    )
  })

  it('keeps only allow-listed markup in articles mixed with hostile tags', async () => {
    const hostile = fc.constantFrom(
      '<script>alert(1)</script>',
      '<img src="x" onerror="alert(1)">',
      '<a href="javascript:alert(1)">x</a>',
      '<svg onload="alert(1)"><a href="javascript:1">s</a></svg>',
      '<iframe srcdoc="<script>1</script>"></iframe>',
      '<span style="background:url(https://e.example/t.png)">s</span>',
      '<form><input value="v"></form>',
      '<math><mi xlink:href="javascript:1">m</mi></math>',
      '<a href="https://ok.example/" onclick="x()">ok</a>',
      '<em>em</em>',
    )
    const paragraph = fc
      .tuple(fc.lorem({ maxCount: 40, mode: 'sentences' }), hostile, fc.lorem({ maxCount: 20 }))
      .map(([a, h, b]) => `<p>${a} ${h} ${b}</p>`)
    const page = fc
      .array(paragraph, { minLength: 3, maxLength: 12 })
      .map((ps) =>
        enc(`<!doctype html><html><body><article>${ps.join('')}</article></body></html>`),
      )
    let extracted = 0
    await fc.assert(
      fc.asyncProperty(page, async (bytes) => {
        const a = await htmlImporter.extract(bytes, { name: 'mixed.html' })
        extracted++
        expectOnlyAllowedMarkup(a.bodyHtml ?? '')
      }),
      { numRuns: 100 },
    )
    expect(extracted).toBe(100)
  })
})
