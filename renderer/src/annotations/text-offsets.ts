// Maps between the rendered article body and offsets in its normalised text (shared/html-text's
// htmlToText): block ends and <br> end a line, each line's whitespace is collapsed and trimmed,
// empty lines go, and lines are joined by '\n\n'. The walk is generic over a tiny node shape, so
// it is tested under Node with plain objects; the DOM is only touched through that shape.

import { BLOCK_TAGS } from '../../../shared/html-text.ts'

/** The members of a DOM node the walk reads. */
export interface TextNodeLike {
  nodeType: number
  nodeName: string
  data?: string
  childNodes: ArrayLike<TextNodeLike>
}

/** Where one character of the normalised text comes from: a text node and an offset in it. */
export interface Origin<N> {
  node: N
  offset: number
}

export interface TextMap<N> {
  text: string
  /** One per character of `text`; null for the '\n\n' between blocks. */
  origins: (Origin<N> | null)[]
}

const TEXT_NODE = 3
const ELEMENT_NODE = 1
/** The elements htmlToText ends a line at, in the DOM's upper-case tag names. */
const BLOCKS = new Set<string>(BLOCK_TAGS.map((t) => t.toUpperCase()))
const SKIPPED = new Set(['SCRIPT', 'STYLE'])
const SPACE = /\s/

type Raw<N> = { ch: string; origin: Origin<N> | null }

function collect<N extends TextNodeLike>(node: N, out: Raw<N>[]): void {
  if (node.nodeType === TEXT_NODE) {
    const data = node.data ?? ''
    for (let i = 0; i < data.length; i++)
      out.push({ ch: data[i] ?? '', origin: { node, offset: i } })
    return
  }
  if (node.nodeType !== ELEMENT_NODE) return
  const name = node.nodeName.toUpperCase()
  if (SKIPPED.has(name)) return
  if (name === 'BR') {
    out.push({ ch: '\n', origin: null })
    return
  }
  for (let i = 0; i < node.childNodes.length; i++) {
    const child = node.childNodes[i]
    if (child) collect(child as N, out)
  }
  if (BLOCKS.has(name)) out.push({ ch: '\n', origin: null })
}

/** The normalised text under `root` and where each of its characters comes from. */
export function buildTextMap<N extends TextNodeLike>(root: N): TextMap<N> {
  const raw: Raw<N>[] = []
  for (let i = 0; i < root.childNodes.length; i++) {
    const child = root.childNodes[i]
    if (child) collect(child as N, raw)
  }
  const lines: Raw<N>[][] = [[]]
  for (const r of raw) {
    if (r.ch === '\n') lines.push([])
    else lines[lines.length - 1]?.push(r)
  }
  let text = ''
  const origins: (Origin<N> | null)[] = []
  for (const line of lines) {
    const collapsed: Raw<N>[] = []
    for (const r of line) {
      // A run of whitespace becomes one space, placed at the run's first character.
      if (!SPACE.test(r.ch)) collapsed.push(r)
      else if (collapsed[collapsed.length - 1]?.ch !== ' ')
        collapsed.push({ ch: ' ', origin: r.origin })
    }
    while (collapsed[0]?.ch === ' ') collapsed.shift()
    while (collapsed[collapsed.length - 1]?.ch === ' ') collapsed.pop()
    if (collapsed.length === 0) continue
    if (text.length > 0) {
      text += '\n\n'
      origins.push(null, null)
    }
    for (const r of collapsed) {
      text += r.ch
      origins.push(r.origin)
    }
  }
  return { text, origins }
}

/**
 * The map re-keyed to `text` (htmlToText of the stored body) where the rendered blocks split
 * it differently (the reader wraps loose text in paragraphs and drops some elements whole).
 * Characters other than whitespace are matched in order; whitespace and characters the
 * renderer dropped get no origin.
 */
export function alignTextMap<N>(map: TextMap<N>, text: string): TextMap<N> {
  if (map.text === text) return map
  const origins: (Origin<N> | null)[] = []
  let j = 0
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? ''
    if (SPACE.test(ch)) {
      origins.push(null)
      continue
    }
    while (j < map.text.length && (SPACE.test(map.text[j] ?? '') || !map.origins[j])) j++
    if (map.text[j] === ch) {
      origins.push(map.origins[j] ?? null)
      j++
    } else origins.push(null)
  }
  return { text, origins }
}

/** Compares a point with a range, as DOM Range.comparePoint: -1 before, 0 inside, 1 after. */
export type ComparePoint<N> = (node: N, offset: number) => number

/**
 * The [start, end) offsets of the normalised text covered by a range, or null when it covers
 * no character. `compare` is the range's comparePoint.
 */
export function offsetsCovered<N>(
  map: TextMap<N>,
  compare: ComparePoint<N>,
): [number, number] | null {
  // Origins run in document order, so "starts before the range" and "ends after it" each flip
  // once along the text: two binary searches, not a comparison per character.
  const at: number[] = []
  map.origins.forEach((o, i) => {
    if (o) at.push(i)
  })
  const firstWhere = (test: (o: Origin<N>) => boolean): number => {
    let lo = 0
    let hi = at.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      const o = map.origins[at[mid] ?? -1]
      if (o && test(o)) hi = mid
      else lo = mid + 1
    }
    return lo
  }
  const first = firstWhere((o) => compare(o.node, o.offset) !== -1)
  const after = firstWhere((o) => compare(o.node, o.offset + 1) === 1)
  if (first >= after) return null
  return [at[first] ?? 0, (at[after - 1] ?? 0) + 1]
}

/**
 * The text-node boundaries of [start, end) of the normalised text, or null when the offsets
 * fall outside it or cover only block separators.
 */
export function originsOf<N>(
  map: TextMap<N>,
  start: number,
  end: number,
): { start: Origin<N>; end: Origin<N> } | null {
  if (start < 0 || end > map.origins.length || start >= end) return null
  let s = start
  while (s < end && !map.origins[s]) s++
  let e = end - 1
  while (e >= s && !map.origins[e]) e--
  const first = map.origins[s]
  const last = map.origins[e]
  if (!first || !last) return null
  return { start: first, end: { node: last.node, offset: last.offset + 1 } }
}

/** The last map per body, reused while its text nodes are all still in the page. */
const cache = new WeakMap<Node, { text: string; map: TextMap<Node>; nodes: Node[] }>()

/**
 * The map of the rendered body, keyed to `text` (the body's htmlToText) when given. Selections
 * ask on every change, so that map is kept while the text is the same and React has replaced
 * none of its text nodes.
 */
export function domTextMap(root: Node, text?: string): TextMap<Node> {
  if (text === undefined) return buildTextMap(root as Node & TextNodeLike)
  const hit = cache.get(root)
  if (hit && hit.text === text && hit.nodes.every((n) => n.isConnected && root.contains(n))) {
    return hit.map
  }
  const built: TextMap<Node> = buildTextMap(root as Node & TextNodeLike)
  const map = alignTextMap(built, text)
  const nodes = [...new Set(built.origins.map((o) => o?.node).filter((n) => n !== undefined))]
  cache.set(root, { text, map, nodes })
  return map
}

/** Offsets in the body's normalised text of a DOM range (a selection), or null if it has none. */
export function rangeToOffsets(root: Node, range: Range, text?: string): [number, number] | null {
  return offsetsCovered(domTextMap(root, text), (node, offset) => range.comparePoint(node, offset))
}

/** A DOM range over [start, end) of the body's normalised text, or null if it is out of range. */
export function offsetsToRange(
  root: Node,
  start: number,
  end: number,
  text?: string,
): Range | null {
  return rangeFromMap(root, domTextMap(root, text), start, end)
}

/** As offsetsToRange, with a map built once for many annotations. */
export function rangeFromMap(
  root: Node,
  map: TextMap<Node>,
  start: number,
  end: number,
): Range | null {
  const at = originsOf(map, start, end)
  if (!at) return null
  const range = (root.ownerDocument ?? document).createRange()
  range.setStart(at.start.node, at.start.offset)
  range.setEnd(at.end.node, at.end.offset)
  return range
}
