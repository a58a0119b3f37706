import { mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { htmlToText } from '../../../../../shared/html-text.ts'
import { describe as describeRange } from '../../../../../shared/anchoring/index.ts'
import { anchorAll } from '../../../../../main/archive/annotations/annotation-edits.ts'
import type { ExportItem } from '../../../../../main/archive/export/export-item.ts'
import { renderNote, renderNotes } from '../../../../../main/archive/export/markdown.ts'
import { exportMarkdownFolder } from '../../../../../main/archive/export/markdown-folder.ts'
import { quireIdOf } from '../../../../../main/archive/export/markdown-merge.ts'
import { fillTemplate } from '../../../../../main/archive/export/markdown-template.ts'
import { tempDir } from '../../../helpers/temp-dir.ts'
import { fixtureItems } from './fixture-items.ts'
import { expectGolden } from './golden.ts'

function withHighlight(item: ExportItem, id: string, quote: string): ExportItem {
  const text = htmlToText(item.body)
  const start = text.indexOf(quote)
  const annotation = {
    id,
    createdAt: '2024-07-01T00:00:00.000Z',
    updatedAt: '2024-07-01T00:00:00.000Z',
    color: 'purple' as const,
    note: 'added later',
    tags: [],
    target: describeRange(text, start, start + quote.length),
    orphaned: false,
  }
  const annotations = [...item.article.annotations, annotation]
  return {
    ...item,
    article: { ...item.article, annotations },
    anchors: anchorAll(text, annotations),
  }
}

function withoutHighlight(item: ExportItem, id: string): ExportItem {
  const annotations = item.article.annotations.filter((a) => a.id !== id)
  return {
    ...item,
    article: { ...item.article, annotations },
    anchors: item.anchors.filter((a) => a.id !== id),
  }
}

describe('Markdown export', () => {
  it('matches the golden notes', async () => {
    const files = renderNotes(fixtureItems())
    await expectGolden('markdown.md.txt', files.map((f) => `===== ${f.name}\n${f.text}`).join('\n'))
  })

  it('writes front matter that parses back to the same values, RTL and quotes included', () => {
    const [one, two] = fixtureItems()
    for (const item of [one!, two!]) {
      const text = renderNotes([item])[0]!.text
      const yaml = /^---\n([\s\S]*?)\n---\n/.exec(text)![1]!
      const fm = parse(yaml) as Record<string, unknown>
      expect(fm['quire-id']).toBe(item.article.id)
      expect(fm.title).toBe(item.article.title)
      expect(fm.authors).toEqual(item.article.authors)
      expect(quireIdOf(text)).toBe(item.article.id)
    }
  })

  it('lists each highlight compactly: quote with its block id, note, tags', () => {
    const note = renderNote(fixtureItems()[0]!)
    for (const a of fixtureItems()[0]!.article.annotations) {
      expect(note.managed).toMatch(new RegExp(`^> .* \\^q-${a.id}$`, 'm'))
    }
    expect(note.managed).toContain(
      '> "We will build it", and ^q-aaaaaaaaaaaaaaa1\n\nQuote, with "marks",\nand a newline.',
    )
    expect(note.managed).toContain('\n\n#promise #key-quote\n')
    // A note can never close the managed section early.
    expect(note.managed.match(/<!-- quire:end -->/g)).toHaveLength(1)
    // The link back into Quire is there for templates that want it.
    const linked = renderNote(fixtureItems()[0]!, {
      title: '{{title}}',
      fileName: '{{title}}',
      highlight: '> {{quote}} [open]({{link}})',
    })
    expect(linked.managed).toContain('quire://article/0123456789abcdef#aaaaaaaaaaaaaaa1')
  })

  it('puts the article note under its own heading, its headings below it', () => {
    const [item] = fixtureItems()
    const noted = {
      ...item!,
      article: {
        ...item!.article,
        note: '# Summary\n\nText.\n\nSetext\n---\n\n```\n# not a heading\n```',
      },
    }
    const { managed } = renderNote(noted)
    const h1 = new MarkdownIt('commonmark').parse(managed, {}).filter((t) => t.tag === 'h1')
    expect(h1).toHaveLength(2) // open and close of the one title
    expect(managed).toContain(
      '## Note\n\n### Summary\n\nText.\n\n#### Setext\n\n```\n# not a heading\n```',
    )
  })

  it('fills a user template safely and drops lines whose placeholders are all empty', () => {
    const t = '> {{quote}}\nNote: {{note}}\n{{unknown}} {{constructor}}\n[x]({{link}})'
    expect(fillTemplate(t, { quote: 'a\nb', note: '', link: 'L' })).toBe(
      '> a\n> b\n{{unknown}} {{constructor}}\n[x](L)',
    )
    const item = fixtureItems()[1]!
    const note = renderNote(item, {
      title: '{{date}} – {{title}}',
      fileName: 'CON',
      highlight: '* {{quote}} ({{color}})',
    })
    expect(note.fileBase).toBe('_CON')
    expect(note.managed).toContain('# 2024-06-10 – =cmd\\|calc, "two" lines')
    expect(note.managed).toContain('* \\=1+1 looks (purple)')
  })

  it('re-export keeps user edits, adds new highlights, drops deleted ones, follows renames', async () => {
    const dir = await tempDir()
    const items = fixtureItems()
    const first = await exportMarkdownFolder(items, dir)
    expect(first.created).toHaveLength(2)
    const [name] = first.created.filter((n) => n.startsWith('Council'))
    // The user renames the note into a subfolder, adds text and a key of their own.
    await mkdir(join(dir, 'Sub'))
    const moved = join('Sub', 'Bridge notes.md')
    await rename(join(dir, name!), join(dir, moved))
    const text = await readFile(join(dir, moved), 'utf8')
    const edited = text
      .replace('---\n\n', '---\nMy own line above.\n\n')
      .replace('quire-id:', 'rating: 5 # mine\nquire-id:')
      .concat('\n## My thoughts\nKeep this, "please".\n')
    await writeFile(join(dir, moved), edited)

    const next = [
      withoutHighlight(withHighlight(items[0]!, 'ccccccccccccccc1', 'Élysée'), 'aaaaaaaaaaaaaaa2'),
      items[1]!,
    ]
    const second = await exportMarkdownFolder(next, dir)
    expect(second.updated).toEqual([moved])
    expect(second.created).toEqual([])
    expect(second.unchanged).toHaveLength(1)
    expect((await readdir(dir)).filter((n) => n.endsWith('.md'))).toHaveLength(1)
    const after = await readFile(join(dir, moved), 'utf8')
    expect(after).toContain('My own line above.')
    expect(after).toContain('rating: 5 # mine')
    expect(after).toContain('## My thoughts\nKeep this, "please".\n')
    expect(after).toContain('^q-ccccccccccccccc1')
    expect(after).toContain('added later')
    expect(after).not.toContain('aaaaaaaaaaaaaaa2')
    expect(after).toContain('^q-aaaaaaaaaaaaaaa1')

    // A third export with nothing new changes nothing.
    const third = await exportMarkdownFolder(next, dir)
    expect(third.unchanged).toHaveLength(2)
    expect(await readFile(join(dir, moved), 'utf8')).toBe(after)
  })

  it('refuses to update a note whose front matter the user broke, and says which', async () => {
    const dir = await tempDir()
    const items = fixtureItems()
    const { created } = await exportMarkdownFolder(items, dir)
    const file = created.find((n) => n.startsWith('Council'))!
    const text = await readFile(join(dir, file), 'utf8')
    const broken = text.replace('title:', 'title: [unclosed\nother:')
    await writeFile(join(dir, file), broken)
    const result = await exportMarkdownFolder(items, dir)
    expect(result.failed).toEqual([{ file, reason: expect.stringContaining(file) }])
    expect(await readFile(join(dir, file), 'utf8')).toBe(broken)
    expect(result.created).toEqual([])
  })

  it('keeps CRLF line endings of a note edited on Windows', async () => {
    const dir = await tempDir()
    const items = [fixtureItems()[1]!]
    const { created } = await exportMarkdownFolder(items, dir)
    const path = join(dir, created[0]!)
    const crlf = (await readFile(path, 'utf8')).replace(/\n/g, '\r\n') + 'mine\r\n'
    await writeFile(path, crlf)
    const changed = withHighlight(items[0]!, 'ccccccccccccccc2', 'Second article')
    await exportMarkdownFolder([changed], dir)
    const after = await readFile(path, 'utf8')
    expect(after).toContain('^q-ccccccccccccccc2')
    expect(after.replace(/\r\n/g, '')).not.toContain('\n')
    expect(after.endsWith('mine\r\n')).toBe(true)
  })
})
