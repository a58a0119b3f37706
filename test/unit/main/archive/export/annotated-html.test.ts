import { describe, expect, it } from 'vitest'
import { htmlToText } from '../../../../../shared/html-text.ts'
import {
  annotatedHtml,
  annotatedHtmlBundle,
} from '../../../../../main/archive/export/annotated-html.ts'
import { markHighlights } from '../../../../../main/archive/export/html-marks.ts'
import { parseDocument } from '../../../../../main/archive/import/html/dom.ts'
import { fixtureItems } from './fixture-items.ts'
import { expectGolden } from './golden.ts'

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47])
const readAsset = async (name: string) => (name === `${'ab'.repeat(32)}.png` ? PNG : null)

/** The text inside the marks of one highlight, in document order. */
function markedText(html: string, id: string): string {
  const doc = parseDocument(html)
  const marks = Array.from(
    doc.querySelectorAll('.body mark') as ArrayLike<{
      getAttribute(n: string): string | null
      textContent: string | null
    }>,
  )
  return marks
    .filter((m) => (m.getAttribute('data-annotation') ?? '').split(' ').includes(id))
    .map((m) => m.textContent)
    .join('')
}

describe('annotated HTML', () => {
  it('matches the golden files (one article, and a bundle)', async () => {
    const [one, two] = fixtureItems()
    await expectGolden('annotated.html', await annotatedHtml(one!, { readAsset }))
    await expectGolden('bundle.html', await annotatedHtmlBundle([one!, two!], { readAsset }))
  })

  it('marks exactly each quote, across element boundaries and entities', async () => {
    for (const item of fixtureItems()) {
      const html = await annotatedHtml(item)
      for (const a of item.article.annotations) {
        const quote = a.target.quote.exact.replace(/\s+/g, '')
        expect(markedText(html, a.id).replace(/\s+/g, '')).toBe(quote)
      }
    }
  })

  it('never changes the text of the body, only wraps it', () => {
    for (const item of fixtureItems()) {
      const ranges = item.anchors.map((a) => ({
        id: a.id,
        start: a.start!,
        end: a.end!,
        className: 'q',
      }))
      expect(htmlToText(markHighlights(item.body, ranges)!)).toBe(htmlToText(item.body))
    }
    // A body that does not map back is left unmarked rather than marked wrongly.
    expect(
      markHighlights('<a title="</p>">x</a>', [{ id: 'a', start: 0, end: 1, className: 'q' }]),
    ).toBeNull()
  })

  it('escapes everything it adds and inlines archive images', async () => {
    const [one] = fixtureItems()
    const hostile = {
      ...one!,
      article: {
        ...one!.article,
        title: '<script>alert(1)</script>',
        url: 'javascript:alert(1)',
        note: '<img src=x onerror=alert(1)> **bold**',
      },
    }
    const html = await annotatedHtml(hostile, { readAsset })
    expect(html).not.toContain('<script>alert')
    expect(html).not.toContain('<img src=x')
    expect(html).not.toContain('href="javascript:')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).toContain('<strong>bold</strong>')
    expect(html).toContain('src="data:image/png;base64,iVBORw=="')
    expect(html).toContain("default-src 'none'")
    expect(html).toMatch(/@media print/)
  })

  it('a bundle has a table of contents linking to every article', async () => {
    const items = fixtureItems()
    const html = await annotatedHtmlBundle(items, { title: 'Reading "list" <1>' })
    expect(html).toContain('<h1>Reading &quot;list&quot; &lt;1&gt;</h1>')
    for (const i of items) {
      expect(html).toContain(`href="#a-${i.article.id}"`)
      expect(html).toContain(`id="a-${i.article.id}"`)
    }
  })
})
