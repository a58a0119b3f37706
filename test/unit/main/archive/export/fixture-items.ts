// Export fixtures written for these tests: titles, notes and text with "quotes", commas,
// newlines, emoji, accents, CJK and right-to-left scripts, anchored like the service does.
import { htmlToText } from '../../../../../shared/html-text.ts'
import { describe as describeRange } from '../../../../../shared/anchoring/index.ts'
import type { Annotation, Article, HighlightColor } from '../../../../../shared/model.ts'
import { anchorAll } from '../../../../../main/archive/annotations/annotation-edits.ts'
import type { ExportItem } from '../../../../../main/archive/export/export-item.ts'
import { makeArticle } from '../../../helpers/article.ts'

export const BODY_ONE = [
  '<h2>Le café “Élysée”, 1, 2, 3</h2>',
  '<p>The council said, "We <em>will build</em> it", and then left; 東京 residents cheered 🎉.</p>',
  '<p>مرحبا بالعالم، هذه فقرة عربية.</p>',
  '<p>שלום עולם &amp; <strong>friends</strong> &lt;tag&gt;</p>',
  '<figure><img src="assets/' +
    'ab'.repeat(32) +
    '.png" alt="A bridge"><figcaption>The bridge</figcaption></figure>',
].join('\n')

export const BODY_TWO = '<p>Second article, plain text.</p>\n<p>=1+1 looks like a formula.</p>\n'

interface Mark {
  id: string
  quote: string
  color: HighlightColor
  note?: string
  tags?: string[]
  /** Which occurrence of `quote` (0 = first). */
  nth?: number
}

function annotate(body: string, marks: Mark[]): Annotation[] {
  const text = htmlToText(body)
  return marks.map((m) => {
    let start = -1
    for (let i = 0; i <= (m.nth ?? 0); i++) start = text.indexOf(m.quote, start + 1)
    if (start < 0) throw new Error(`fixture quote not in text: ${m.quote}`)
    return {
      id: m.id,
      createdAt: '2024-05-02T10:00:00.000Z',
      updatedAt: '2024-05-03T11:30:00.000Z',
      color: m.color,
      note: m.note ?? '',
      tags: m.tags ?? [],
      target: describeRange(text, start, start + m.quote.length),
      orphaned: false,
    }
  })
}

function item(article: Article, body: string): ExportItem {
  return { article, body, anchors: anchorAll(htmlToText(body), article.annotations) }
}

export function fixtureItems(): ExportItem[] {
  const one = makeArticle({
    id: '0123456789abcdef',
    title: 'Council says "yes": bridge, road & rail — 東京 🎉 مرحبا',
    authors: ['Jane Doe', 'Ahmad Al-Khatib', 'Zoë Ångström'],
    source: 'The Daily, "Gazette"',
    url: 'https://example.org/news/bridge?id=1&lang=en',
    publishedAt: '2024-05-01T08:00:00.000Z',
    importedAt: '2024-05-02T09:00:00.000Z',
    updatedAt: '2024-05-03T11:30:00.000Z',
    language: 'en',
    contentHash: 'c'.repeat(64),
    tags: ['politics', 'region/gaza', 'long read'],
    note: 'My note: "important", see below.\nSecond line, with commas, and עברית.',
    annotations: annotate(BODY_ONE, [
      {
        id: 'aaaaaaaaaaaaaaa1',
        quote: '"We will build it", and',
        color: 'yellow',
        note: 'Quote, with "marks",\nand a newline. <!-- quire:end --> <b>x</b>',
        tags: ['promise', 'key quote'],
      },
      {
        id: 'aaaaaaaaaaaaaaa2',
        quote: 'مرحبا بالعالم',
        color: 'green',
        note: 'ملاحظة بالعربية',
      },
      { id: 'aaaaaaaaaaaaaaa3', quote: '東京 residents cheered 🎉', color: 'pink' },
      {
        id: 'aaaaaaaaaaaaaaa4',
        quote: 'עולם & friends <tag>',
        color: 'blue',
        note: '=HYPERLINK("http://evil")',
        tags: ['@mention'],
      },
    ]),
  })
  const two = makeArticle({
    id: 'fedcba9876543210',
    title: '=cmd|calc, "two"\nlines',
    authors: ['Madonna'],
    importedAt: '2024-06-10T12:00:00.000Z',
    updatedAt: '2024-06-10T12:00:00.000Z',
    contentHash: 'd'.repeat(64),
    origin: { kind: 'url', name: 'https://example.com/two', format: 'html' },
    annotations: annotate(BODY_TWO, [
      { id: 'bbbbbbbbbbbbbbb1', quote: '=1+1 looks', color: 'purple', note: '+ plus, - minus' },
      // Spans two paragraphs.
      { id: 'bbbbbbbbbbbbbbb2', quote: 'plain text.\n\n=1+1', color: 'yellow' },
    ]),
  })
  return [item(one, BODY_ONE), item(two, BODY_TWO)]
}
