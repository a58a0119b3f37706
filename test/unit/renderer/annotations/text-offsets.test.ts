// The body ↔ normalised-text map, checked against shared/html-text on hand-built node trees.
import { describe, expect, it } from 'vitest'
import { htmlToText } from '../../../../shared/html-text.ts'
import {
  alignTextMap,
  buildTextMap,
  offsetsCovered,
  originsOf,
  type TextNodeLike,
} from '../../../../renderer/src/annotations/text-offsets.ts'

interface Fake extends TextNodeLike {
  childNodes: Fake[]
}

const t = (data: string): Fake => ({ nodeType: 3, nodeName: '#text', data, childNodes: [] })
const el = (name: string, ...children: Fake[]): Fake => ({
  nodeType: 1,
  nodeName: name.toUpperCase(),
  childNodes: children,
})

/** The HTML a fake tree stands for, so the map can be checked against htmlToText. */
function toHtml(n: Fake): string {
  if (n.nodeType === 3) return (n.data ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;')
  const name = n.nodeName.toLowerCase()
  if (name === 'br') return '<br>'
  return `<${name}>${n.childNodes.map(toHtml).join('')}</${name}>`
}

/** Document order of text nodes, for a comparePoint over a fake range. */
function textNodes(n: Fake): Fake[] {
  return n.nodeType === 3 ? [n] : n.childNodes.flatMap(textNodes)
}

function fakeRange(root: Fake, from: [Fake, number], to: [Fake, number]) {
  const order = textNodes(root)
  const key = (node: Fake, offset: number) => order.indexOf(node) * 1e6 + offset
  const s = key(...from)
  const e = key(...to)
  return (node: Fake, offset: number) => {
    const k = key(node, offset)
    return k < s ? -1 : k > e ? 1 : 0
  }
}

const link = t('a link')
const first = t('  First   para, with\u00a0 ')
const second = t('Second para ')
const body = el(
  'div',
  el('p', first, el('a', link), t(' and more.')),
  el('p'),
  el('h2', t('\n  Heading\n')),
  el('ul', el('li', t('one')), el('li', t('two'))),
  el('p', second, el('em', t('ends')), el('br'), t('after break')),
)

describe('buildTextMap', () => {
  it('gives the same text as htmlToText', () => {
    const inner = body.childNodes.map(toHtml).join('')
    const map = buildTextMap(body)
    expect(map.text).toBe(htmlToText(inner))
    expect(map.origins).toHaveLength(map.text.length)
  })

  it('points every character but the separators at its text node', () => {
    const map = buildTextMap(body)
    map.origins.forEach((o, i) => {
      if (!o) expect(map.text[i]).toBe('\n')
      else if (map.text[i] !== ' ') expect(o.node.data?.[o.offset]).toBe(map.text[i])
      else expect(o.node.data?.[o.offset]).toMatch(/\s/)
    })
  })
})

describe('offsets ↔ ranges', () => {
  const map = buildTextMap(body)

  it('maps a range across a link and two paragraphs to offsets and back', () => {
    const compare = fakeRange(body, [first, 5], [second, 6])
    const got = offsetsCovered(map, compare)
    expect(got).not.toBeNull()
    const [start, end] = got ?? [0, 0]
    expect(map.text.slice(start, end)).toBe(
      'st para, with a link and more.\n\nHeading\n\none\n\ntwo\n\nSecond',
    )
    const back = originsOf(map, start, end)
    expect(back?.start).toEqual({ node: first, offset: 5 })
    expect(back?.end).toEqual({ node: second, offset: 6 })
  })

  it('returns null for a range over no text, and for offsets outside the text', () => {
    expect(offsetsCovered(map, fakeRange(body, [link, 2], [link, 2]))).toBeNull()
    expect(originsOf(map, 0, map.text.length + 1)).toBeNull()
    expect(originsOf(map, 4, 4)).toBeNull()
  })

  it('skips block separators at either end of the offsets', () => {
    const at = map.text.indexOf('\n\nHeading')
    const back = originsOf(map, at, at + 9)
    expect(back?.start.node.data).toContain('Heading')
    expect(back?.end.node.data).toContain('Heading')
  })
})

describe('alignTextMap', () => {
  it('keeps the map when the rendered text is already the stored text', () => {
    const map = buildTextMap(body)
    expect(alignTextMap(map, map.text)).toBe(map)
  })

  it('re-keys offsets to the stored text where the blocks split it differently', () => {
    // Stored "<div>Intro</div><div>More text</div>" reads "Intro\n\nMore text"; the reader
    // shows the loose text as one paragraph.
    const a = t('Intro')
    const b = t('More text')
    const rendered = el('div', el('p', a, b))
    const stored = 'Intro\n\nMore text'
    const map = alignTextMap(buildTextMap(rendered), stored)
    expect(map.text).toBe(stored)
    expect(map.origins).toHaveLength(stored.length)
    const at = stored.indexOf('More')
    expect(originsOf(map, at, at + 4)).toEqual({
      start: { node: b, offset: 0 },
      end: { node: b, offset: 4 },
    })
    const covered = offsetsCovered(map, fakeRange(rendered, [a, 2], [b, 4]))
    expect(covered && stored.slice(...covered)).toBe('tro\n\nMore')
  })

  it('gives no origin to text the reader does not show', () => {
    const a = t('Kept')
    const map = alignTextMap(buildTextMap(el('div', el('p', a))), 'Dropped\n\nKept')
    expect(map.origins.slice(0, 7)).toEqual(Array(7).fill(null))
    expect(originsOf(map, 9, 13)).toEqual({
      start: { node: a, offset: 0 },
      end: { node: a, offset: 4 },
    })
  })
})
