// The realistic archive the export check runs on: saved pages (canonical addresses with
// accents, right-to-left text, broken markup, an image) and many news stories, with
// highlights and notes full of Markdown, unicode, quotes, commas and newlines. From the
// corpus (BBC news + the Readability test pages) when given, else from our fixtures plus
// generated stories (CI machines have no corpus).
import { mkdir, readdir, writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { htmlToText } from '../../../shared/html-text.ts'
import type { HighlightColor } from '../../../shared/model.ts'
import { ArchiveService } from '../../../main/archive/service.ts'

const FIXTURES = join(import.meta.dirname, '../../fixtures/exports-check/pages')
/** Books known only by their highlights: a Readwise export and a Kindle's clippings. */
const BOOKS = join(import.meta.dirname, '../../fixtures/e2e/books')
const COLORS: HighlightColor[] = ['yellow', 'green', 'blue', 'pink', 'purple']

export const NOTES = [
  '# Summary\n\nA **bold** point, with "quotes", commas, and a list:\n\n- one\n- two',
  'Line one\nline two — 東京 🎉 عربى, "quoted"',
  '=HYPERLINK("http://evil"), +1, -1, @x',
  'Setext heading\n===\n\n```\n# not a heading\n```',
  '<!-- quire:end --> <b>raw</b> & </textarea> ]]>',
  '',
  'Tab\there, a trailing backslash \\',
]
const ARTICLE_NOTES = [
  '# Summary\n\nWhy it matters, in "short".\n\n## Details\n\n1. First\n2. Second',
  'Plain note, with commas, "quotes" and a second line\nthat goes on — שלום.',
]
const TAGS = [['long read'], ['region/gaza', 'économie'], [], ['q"uote', 'a/b/c']]

export interface BuiltArchive {
  articles: number
  annotated: number
  highlights: number
  /** Records of kind `book` (no text; highlights anchored by location). */
  books: number
}

/** Build the archive at `root`. Throws when an import fails (the check needs every item). */
export async function buildCheckArchive(
  root: string,
  opts: { corpus?: string; work: string },
): Promise<BuiltArchive> {
  const service = await ArchiveService.open(root)
  try {
    const paths = await sources(opts)
    const report = await service.importPaths(paths)
    const failed = report.results.filter((r) => r.status === 'failed')
    if (failed.length) {
      throw new Error(`import failed: ${JSON.stringify(failed.slice(0, 3))}`)
    }
    const ids = report.results.flatMap((r) => (r.status === 'imported' ? [r.id] : []))
    // Every saved page and every 10th story gets highlights; some get an article note.
    let highlights = 0
    let annotated = 0
    for (const [i, id] of ids.entries()) {
      const { article, body } = await service.get(id)
      const page = article.origin.format === 'html'
      if (!page && i % 10 !== 0) continue
      const text = htmlToText(body)
      if (text.length < 120) continue
      annotated++
      for (const [n, [start, end]] of ranges(text).entries()) {
        const k = i + n
        await service.createAnnotation({
          articleId: id,
          start,
          end,
          color: COLORS[k % COLORS.length]!,
          note: NOTES[k % NOTES.length]!,
          tags: TAGS[k % TAGS.length]!,
        })
        highlights++
      }
      if (i % 2 === 0) await service.setNote(id, ARTICLE_NOTES[(i / 2) % 2]!)
      if (i % 3 === 0) await service.update(id, { tags: ['checked', 'région/غزة'] })
    }
    // Books after the rest, so the loop above leaves their highlights as they came.
    const books = await service.importPaths([
      join(BOOKS, 'readwise-export.csv'),
      join(BOOKS, 'My Clippings.txt'),
    ])
    const bookIds = books.results.flatMap((r) => (r.status === 'imported' ? [r.id] : []))
    if (books.failed || !bookIds.length) {
      throw new Error(`book import failed: ${JSON.stringify(books.results.slice(0, 3))}`)
    }
    for (const id of bookIds) {
      const marked = (await service.get(id)).article.annotations.length
      highlights += marked
      if (marked) annotated++
    }
    await service.setTagColor('checked', '#3366cc')
    await service.saveSearch({ name: 'Checked, "all"', query: 'tag:checked' })
    return {
      articles: ids.length + bookIds.length,
      annotated,
      highlights,
      books: bookIds.length,
    }
  } finally {
    await service.close()
  }
}

/** Three ranges: across the first paragraph break, the last characters, one in the middle. */
function ranges(text: string): [number, number][] {
  const cut = text.indexOf('\n\n')
  const out: [number, number][] = []
  if (cut > 10) out.push([cut - 8, Math.min(text.length, cut + 12)])
  out.push([text.length - 12, text.length])
  const mid = Math.floor(text.length / 2)
  out.push([mid, Math.min(text.length - 13, mid + 40)])
  return out.filter(([s, e]) => e > s && s >= 0)
}

async function sources(opts: { corpus?: string; work: string }): Promise<string[]> {
  if (opts.corpus) {
    const pages = join(opts.corpus, 'readability/test-pages')
    const bbc = join(opts.corpus, 'bbc-news')
    for (const dir of [pages, bbc]) {
      if (!existsSync(dir)) throw new Error(`${dir} is missing (give the corpus folder)`)
    }
    const saved = (await readdir(pages)).sort().map((p) => join(pages, p, 'source.html'))
    return [...saved.filter(existsSync), bbc]
  }
  const pages = (await readdir(FIXTURES)).filter((n) => n.endsWith('.html')).sort()
  const stories = join(opts.work, 'stories')
  await mkdir(stories, { recursive: true })
  for (let i = 0; i < 40; i++) {
    await writeFile(join(stories, `${String(i).padStart(3, '0')}.txt`), story(i))
  }
  return [...pages.map((p) => join(FIXTURES, p)), stories]
}

/** A BBC-like story: a headline, then paragraphs of plain prose (seeded, so stable). */
export function story(i: number): string {
  const words =
    'council market growth talks minister city river bridge vote energy prices rally rates investors strike union season match record film award court trial'.split(
      ' ',
    )
  let seed = i * 7919 + 17
  const next = () => (seed = (seed * 48271) % 2147483647)
  const sentence = () => {
    const n = 8 + (next() % 10)
    const w = Array.from({ length: n }, () => words[next() % words.length]!)
    return w.join(' ').replace(/^./, (c) => c.toUpperCase()) + '.'
  }
  const title = `Story ${i}: ${sentence().slice(0, 40).replace(/\.$/, '')}${i % 5 === 0 ? ', “quoted” — 東京' : ''}`
  const paragraphs = Array.from({ length: 4 + (i % 3) }, () =>
    Array.from({ length: 3 }, sentence).join(' '),
  )
  return `${title}\n\n${paragraphs.join('\n\n')}\n`
}
