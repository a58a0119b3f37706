import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import jsonld from 'jsonld'
import { describe, expect, it } from 'vitest'
import { htmlToText } from '../../../../../shared/html-text.ts'
import {
  ANNO_CONTEXT,
  webAnnotationCollection,
} from '../../../../../main/archive/export/web-annotation.ts'
import { fixtureItems } from './fixture-items.ts'
import { GOLDEN_DIR, expectGolden } from './golden.ts'

const OA = 'http://www.w3.org/ns/oa#'
const RDF_TYPE = '@type'

/** Serves only our copy of the W3C context: the test never touches the network. */
async function documentLoader(url: string) {
  if (url !== ANNO_CONTEXT && url !== 'https://www.w3.org/ns/anno.jsonld') {
    throw new Error(`unexpected context fetch: ${url}`)
  }
  const text = await readFile(join(GOLDEN_DIR, 'anno.jsonld'), 'utf8')
  return { contextUrl: undefined, documentUrl: url, document: JSON.parse(text) as object }
}

type Node = Record<string, unknown[] | string | undefined>

const collection = () =>
  webAnnotationCollection(fixtureItems(), { exportedAt: '2024-08-01T00:00:00.000Z' })

describe('W3C Web Annotation JSON-LD', () => {
  it('matches the golden file', async () => {
    await expectGolden('web-annotation.jsonld', JSON.stringify(collection(), null, 2) + '\n')
  })

  it('targets the article address with quote and code-point position selectors', () => {
    const doc = collection() as { first: { items: Record<string, unknown>[] }; total: number }
    expect(doc.total).toBe(6)
    for (const a of doc.first.items) {
      expect(a['@context']).toBe(ANNO_CONTEXT)
      expect(a.id).toMatch(/^quire:\/\/article\/[0-9a-f]{16}#[0-9a-f]{16}$/)
      expect(a.type).toBe('Annotation')
      const target = a.target as {
        source: { id: string; 'dcterms:title': string }
        styleClass: string
        selector: Record<string, unknown>[]
      }
      // A styleClass needs the annotation's stylesheet (model §4.4).
      expect(target.styleClass).toMatch(/^quire-(yellow|green|blue|pink|purple)$/)
      expect(a.stylesheet).toMatchObject({ type: 'CssStylesheet' })
      expect(target.source.id).toMatch(/^(https:\/\/example\.org\/|quire:\/\/article\/)/)
      expect(target.source['dcterms:title']).toBeTruthy()
      const quote = target.selector.find((s) => s.type === 'TextQuoteSelector')!
      const pos = target.selector.find((s) => s.type === 'TextPositionSelector')!
      expect(typeof quote.exact).toBe('string')
      expect(Number.isInteger(pos.start) && Number.isInteger(pos.end)).toBe(true)
    }
    // Positions count code points: the quote after "🎉" (two UTF-16 units) shifts by one.
    const items = fixtureItems()
    const text = htmlToText(items[0]!.body)
    const pink = doc.first.items.find((a) => String(a.id).endsWith('aaaaaaaaaaaaaaa3'))!
    const pos = (pink.target as { selector: { type: string; start: number; end: number }[] })
      .selector[1]!
    expect([...text].slice(pos.start, pos.end).join('')).toBe('東京 residents cheered 🎉')
  })

  it('encodes a non-ASCII address into a valid URI', () => {
    const [item] = fixtureItems()
    const article = { ...item!.article, canonicalUrl: 'https://example.org/news/Élysée café' }
    const a = webAnnotationCollection([{ ...item!, article }]) as {
      first: { items: { target: { source: { id: string } } }[] }
    }
    expect(a.first.items[0]!.target.source.id).toBe(
      'https://example.org/news/%C3%89lys%C3%A9e%20caf%C3%A9',
    )
  })

  it('expands with a JSON-LD processor into oa: annotations with the required properties', async () => {
    const expanded = (await jsonld.expand(collection() as jsonld.JsonLdDocument, {
      documentLoader: documentLoader as never, // jsonld's loader type wants its RemoteDocument
    })) as Node[]
    expect(expanded).toHaveLength(1)
    const coll = expanded[0]!
    expect(coll[RDF_TYPE]).toEqual(['http://www.w3.org/ns/activitystreams#OrderedCollection'])
    const first = (coll['http://www.w3.org/ns/activitystreams#first'] as Node[])[0]!
    const list = (first['http://www.w3.org/ns/activitystreams#items'] as { '@list': Node[] }[])[0]!
    const annotations = list['@list']
    expect(annotations).toHaveLength(6)
    for (const a of annotations) {
      expect(a['@id']).toMatch(/^quire:\/\/article\/[0-9a-f]{16}#[0-9a-f]{16}$/)
      expect(a[RDF_TYPE]).toEqual([`${OA}Annotation`])
      const target = (a[`${OA}hasTarget`] as Node[])[0]!
      expect(target[`${OA}hasSource`]).toHaveLength(1)
      const selectors = target[`${OA}hasSelector`] as Node[]
      const quote = selectors.find((s) => s[RDF_TYPE]?.[0] === `${OA}TextQuoteSelector`)!
      const pos = selectors.find((s) => s[RDF_TYPE]?.[0] === `${OA}TextPositionSelector`)!
      expect((quote[`${OA}exact`] as { '@value': string }[])[0]!['@value'].length).toBeGreaterThan(
        0,
      )
      expect(pos[`${OA}start`]).toHaveLength(1)
      expect(pos[`${OA}end`]).toHaveLength(1)
      const motivation = (a[`${OA}motivatedBy`] as { '@id': string }[])[0]!['@id']
      expect([`${OA}highlighting`, `${OA}commenting`]).toContain(motivation)
    }
    // Notes are commenting bodies in Markdown; tags are tagging bodies.
    const withNote = annotations.find((a) => a['@id']!.toString().endsWith('aaaaaaaaaaaaaaa1'))!
    const bodies = withNote[`${OA}hasBody`] as Node[]
    const purposes = bodies.map((b) => (b[`${OA}hasPurpose`] as { '@id': string }[])[0]!['@id'])
    expect(purposes).toEqual([`${OA}commenting`, `${OA}tagging`, `${OA}tagging`])
  })
})
