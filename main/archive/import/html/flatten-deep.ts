// Caps how deep a page's elements nest before Readability sees it. Readability's cost grows
// faster than the square of the depth (1,000 nested divs: 4 s; 3,000: 53 s), so a hostile or
// badly broken page (thousands of unclosed <font>s) could stall an import for minutes.
// Real pages stay far below the cap (the deepest of Readability's 130 test pages: 26).
import { isElement, type DomDocument, type DomElement, type DomNode } from './dom.ts'

export const MAX_DEPTH = 128

/**
 * Replaces the content of every element at `maxDepth` with the text nodes and images found
 * under it, in order: the words survive, the nesting goes. Returns how many were flattened.
 */
export function flattenDeepNesting(doc: DomDocument, maxDepth = MAX_DEPTH): number {
  const root = doc.documentElement
  if (!root) return 0
  let flattened = 0
  const stack: [DomNode, number][] = [[root, 0]]
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!
    if (depth >= maxDepth && isElement(node) && node.firstChild) {
      flatten(node)
      flattened++
      continue
    }
    for (let c = node.firstChild; c; c = c.nextSibling) if (isElement(c)) stack.push([c, depth + 1])
  }
  return flattened
}

function flatten(el: DomElement): void {
  const leaves: DomNode[] = []
  // An explicit stack: the subtree can be as deep as the file is long.
  const stack: DomNode[] = []
  for (let c = el.firstChild; c; c = c.nextSibling) stack.push(c)
  stack.reverse()
  while (stack.length > 0) {
    const node = stack.pop()!
    if (!isElement(node)) {
      if (node.nodeType === 3) leaves.push(node)
      continue
    }
    const tag = node.localName.toLowerCase()
    if (tag === 'script' || tag === 'style') continue
    if (tag === 'img' || tag === 'br') {
      leaves.push(node)
      continue
    }
    const children: DomNode[] = []
    for (let c = node.firstChild; c; c = c.nextSibling) children.push(c)
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!)
  }
  while (el.firstChild) el.firstChild.remove()
  for (const leaf of leaves) {
    leaf.remove()
    el.appendChild(leaf)
  }
}
