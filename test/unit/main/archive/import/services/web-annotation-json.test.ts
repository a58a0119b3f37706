// W3C Web Annotation JSON-LD: Hypothesis's (its API's JSON-LD form) and Quire's own export.
import { describe, expect, it } from 'vitest'
import { sniffOf } from '../../../../../../main/archive/import/importer.ts'
import { webAnnotationJsonImporter } from '../../../../../../main/archive/import/services/web-annotation-json.ts'
import { webAnnotationCollection } from '../../../../../../main/archive/export/web-annotation.ts'
import { fixtureItems } from '../../export/fixture-items.ts'
import { failure, fixture, utf8 } from './load.ts'

describe('W3C Web Annotation JSON-LD', () => {
  it('reads a list of annotations from another tool, grouped by the page they are on', () => {
    const bytes = fixture('hypothesis-w3c.jsonld')
    expect(webAnnotationJsonImporter.matches(sniffOf('h.jsonld', bytes))).toBe(true)
    const { entries, problems } = webAnnotationJsonImporter.parse(bytes, 'h.jsonld')
    expect(problems).toEqual([
      {
        source: 'h.jsonld › annotation 3',
        reason: 'is a note on the whole page, with no quoted text',
      },
    ])
    expect(entries).toHaveLength(1)
    expect(entries[0]!.url).toBe('https://example.com/talks')
    expect(entries[0]!.highlights).toEqual([
      {
        quote: 'talks would resume',
        prefix: 'said on Monday that ',
        suffix: '. Officials',
        note: 'Worth checking',
        tags: ['politics'],
        createdAt: '2024-03-01T10:00:00.000Z',
        start: 30,
      },
      {
        quote: 'Officials confirmed',
        prefix: 'resume. ',
        suffix: ' the date',
        createdAt: '2024-03-01T10:02:00.000Z',
      },
    ])
  })

  it('reads its own collection back: address, title, colour, note, tags and position', () => {
    const doc = JSON.stringify(webAnnotationCollection(fixtureItems()))
    const { entries, problems } = webAnnotationJsonImporter.parse(utf8(doc), 'q.jsonld')
    expect(problems).toEqual([])
    expect(entries.map((e) => [e.url, e.title, e.highlights.length])).toEqual([
      ['https://example.org/news/bridge?id=1&lang=en', fixtureItems()[0]!.article.title, 4],
      [undefined, fixtureItems()[1]!.article.title, 2],
    ])
    expect(entries[1]!.articleId).toBe('fedcba9876543210')
    const first = entries[0]!.highlights[0]!
    expect(first).toMatchObject({
      quote: '"We will build it", and',
      color: 'yellow',
      tags: ['promise', 'key quote'],
      note: 'Quote, with "marks",\nand a newline. <!-- quire:end --> <b>x</b>',
    })
  })

  it('claims only JSON with the Web Annotation context, and says what is missing', () => {
    expect(webAnnotationJsonImporter.matches(sniffOf('a.json', utf8('{"uri":"x"}')))).toBe(false)
    const bare = utf8('{"@context":"http://www.w3.org/ns/anno.jsonld","type":"Thing"}')
    expect(failure(() => webAnnotationJsonImporter.parse(bare, 'a.json')).message).toMatch(
      /no Annotation/,
    )
    const linked = utf8(
      '{"@context":"http://www.w3.org/ns/anno.jsonld","type":"AnnotationCollection","first":"https://x/p1"}',
    )
    expect(failure(() => webAnnotationJsonImporter.parse(linked, 'a.json')).message).toMatch(
      /does not embed/,
    )
  })
})
