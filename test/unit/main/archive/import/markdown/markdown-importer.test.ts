import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ImportFailure } from '../../../../../../main/archive/import/extracted.ts'
import { sniffOf, type ArticleImporter } from '../../../../../../main/archive/import/importer.ts'
import {
  extractMarkdown,
  markdownImporter,
  markdownTags,
} from '../../../../../../main/archive/import/markdown/markdown-importer.ts'

const DIR = join(import.meta.dirname, '../../../../../fixtures/markdown')
const fixture = (name: string) => readFileSync(join(DIR, name))
const md = (text: string) => new TextEncoder().encode(text)

function failure(fn: () => unknown): ImportFailure {
  try {
    fn()
  } catch (err) {
    if (err instanceof ImportFailure) return err
    throw err
  }
  throw new Error('expected an ImportFailure')
}

describe('markdownImporter', () => {
  it('matches .md and .markdown only', () => {
    expect(markdownImporter.matches(sniffOf('notes/clip.md', md('')))).toBe(true)
    expect(markdownImporter.matches(sniffOf('CLIP.MARKDOWN', md('')))).toBe(true)
    expect(markdownImporter.matches(sniffOf('clip.txt', md('# x')))).toBe(false)
  })

  it('reads an Obsidian web clip: front matter, wiki-link authors, body without the repeated heading', async () => {
    const a = await (markdownImporter as ArticleImporter).extract(fixture('obsidian-clip.md'), {
      name: 'clip.md',
    })
    expect(a).toMatchObject({
      format: 'markdown',
      title: 'Why the tides matter',
      subtitle: 'A short explainer on tides.',
      authors: ['Maria Lopes', 'J. Park'],
      byline: 'Maria Lopes, J. Park',
      url: 'https://www.oceans.example/articles/tides?ref=rss',
      source: 'oceans.example',
      publishedAt: '2024-03-01T00:00:00.000Z',
    })
    expect(a.paragraphs[0]).toBe(
      'The moon pulls the sea. See the chart and [bad](javascript:alert(1)).',
    )
    expect(a.bodyHtml).not.toContain('<h1>')
    expect(a.bodyHtml).toContain('<a href="https://www.oceans.example/chart">the chart</a>')
    expect(a.bodyHtml).toContain('<img src="https://www.oceans.example/tide.png" alt="a tide">')
    expect(a.paragraphs).toContain('one')
  })

  it('makes nothing executable: raw HTML is escaped and unsafe links stay text', () => {
    const a = extractMarkdown(fixture('obsidian-clip.md'), 'clip.md')
    expect(a.bodyHtml).not.toMatch(/<script|href="javascript|<[a-z]+ on\w+=/i)
    expect(a.bodyHtml).toContain('&lt;script&gt;')
    const b = extractMarkdown(
      md('[x](data:text/html,hi) ![y](file:///etc/passwd) <https://ok.example>'),
      'n.md',
    )
    expect(b.bodyHtml).not.toMatch(/href="data:|src="file:/)
    expect(b.bodyHtml).toContain('href="https://ok.example"')
  })

  it('takes the title from the first heading, then from the file name', () => {
    const a = extractMarkdown(fixture('plain-note.md'), 'notes/plain-note.md')
    expect(a.title).toBe('Harbour notes')
    expect(a.paragraphs[0]).toBe('Some intro text before any heading.')
    // A bare URL stays text (linkify is off).
    expect(a.bodyHtml).not.toContain('<a ')
    expect(extractMarkdown(md('just text'), 'dir/my_note.md').title).toBe('my note')
    expect(extractMarkdown(md('```\n# not a heading\n```\n\ntext'), 'f.md').title).toBe('f')
  })

  it('reads setext headings and authors given as one string', () => {
    const a = extractMarkdown(
      md('---\nauthor: Jane Doe\ndate: "2020-05-06T07:08:09Z"\n---\nTitle *here*\n===\n\nBody.'),
      'x.md',
    )
    expect(a).toMatchObject({
      title: 'Title here',
      authors: ['Jane Doe'],
      publishedAt: '2020-05-06T07:08:09.000Z',
    })
    expect(a.paragraphs).toEqual(['Body.'])
  })

  it('treats a lone --- as a rule, not front matter', () => {
    const a = extractMarkdown(md('---\nNot front matter\n\nText'), 'x.md')
    expect(a.paragraphs).toContain('Not front matter')
  })

  it('refuses an alias bomb in the front matter', () => {
    // Refused by its alias count, never expanded (an expansion would not end in time).
    const err = failure(() => extractMarkdown(fixture('alias-bomb.md'), 'bomb.md'))
    expect(err.code).toBe('INVALID_INPUT')
    expect(err.message).toMatch(/front matter/)
  })

  it('refuses broken front matter, binary files, empty files and huge ones', () => {
    expect(failure(() => extractMarkdown(md('---\ntitle: [unclosed\n---\nx'), 'x.md')).code).toBe(
      'INVALID_INPUT',
    )
    expect(failure(() => extractMarkdown(md('---\n- a\n- b\n---\nx'), 'x.md')).message).toMatch(
      /key: value/,
    )
    expect(
      failure(() => extractMarkdown(Uint8Array.from([0x89, 0x50, 0, 0, 1, 2, 0, 3]), 'x.md')).code,
    ).toBe('BINARY')
    expect(failure(() => extractMarkdown(md('  \n'), 'x.md')).code).toBe('EMPTY')
    expect(
      failure(() => extractMarkdown(new Uint8Array(5 * 1024 * 1024).fill(0x61), 'x.md')).code,
    ).toBe('TOO_LARGE')
  })
})

describe('markdownTags', () => {
  it('reads tags as a list or a string, dropping #', () => {
    expect(markdownTags(fixture('obsidian-clip.md'))).toEqual(['clippings', 'oceans'])
    expect(markdownTags(md('---\ntags: "#a, b"\n---\nx'))).toEqual(['a', 'b'])
    expect(markdownTags(md('---\ntags: a b\n---\nx'))).toEqual(['a', 'b'])
    expect(markdownTags(md('no front matter'))).toEqual([])
  })
})

describe('the Markdown importer on arbitrary input', () => {
  function onlyImportFailures(b: Uint8Array): void {
    try {
      extractMarkdown(b, 'x.md')
      markdownTags(b)
    } catch (err) {
      if (!(err instanceof ImportFailure)) throw err
    }
  }

  it('never throws anything but ImportFailure on random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), onlyImportFailures), { numRuns: 300 })
  })

  it('never throws anything but ImportFailure on random front matter and Markdown', () => {
    const yamlish = fc.array(
      fc.oneof(
        fc.string({ maxLength: 30 }),
        fc.constantFrom(
          'title: x',
          'tags:',
          '  - a',
          'author: [[x]]',
          'a: &a [1]',
          'b: *a',
          'c: *missing',
          'date: 2024-01-01',
          '? x',
          '!!binary x',
          '%YAML 1.2',
        ),
      ),
      { maxLength: 8 },
    )
    const mdish = fc.array(
      fc.oneof(
        fc.string({ maxLength: 30 }),
        fc.constantFrom(
          '# h',
          '[a](b)',
          '![i](javascript:x)',
          '```',
          '> q',
          '<b>x</b>',
          '* * *',
          '|a|b|',
        ),
      ),
      { maxLength: 10 },
    )
    fc.assert(
      fc.property(yamlish, mdish, (front, body) =>
        onlyImportFailures(md(`---\n${front.join('\n')}\n---\n${body.join('\n')}`)),
      ),
      { numRuns: 300 },
    )
  })

  it('renders pathological nesting quickly', () => {
    onlyImportFailures(md('> '.repeat(5000) + 'x\n' + '['.repeat(20000) + '*'.repeat(20000)))
  })
})
