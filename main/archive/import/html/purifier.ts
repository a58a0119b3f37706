// DOMPurify running over linkedom with the article allow-list. linkedom's window lacks what
// DOMPurify probes for (document.implementation, window.NodeFilter), and DOMPurify then
// returns its input UNTOUCHED, so we hand it a window built from linkedom's own classes and
// refuse to run if DOMPurify still reports itself unsupported.
import createDOMPurify, { type Config } from 'dompurify'
import { linkedom as loadedLinkedom } from './linkedom-runtime.ts'
import type { DomElement } from './dom.ts'

/** Elements an article body may keep; everything else is dropped (its text kept, see below). */
export const ALLOWED_TAGS = [
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'ul', 'ol', 'li', 'blockquote', 'pre', 'code'],
  ...['em', 'strong', 'b', 'i', 'u', 's', 'sub', 'sup', 'mark', 'small', 'del', 'ins', 'kbd'],
  ...['a', 'img', 'figure', 'figcaption', 'hr', 'br', 'time', 'abbr', 'q', 'cite'],
  ...['table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'dl', 'dt', 'dd'],
  // Readability keeps block <div>/<section>s; unwrapping them would run paragraphs together.
  ...['div', 'section', 'article'],
]

export const ALLOWED_ATTR = [
  ...['href', 'src', 'alt', 'title', 'width', 'height', 'datetime'],
  ...['colspan', 'rowspan', 'scope', 'start', 'reversed', 'lang', 'dir'],
]

/** Elements removed with everything inside them (not unwrapped to their text). */
const FORBID_CONTENTS = [
  ...['script', 'style', 'template', 'noscript', 'iframe', 'frame', 'frameset', 'object'],
  ...['embed', 'applet', 'svg', 'math', 'form', 'input', 'button', 'select', 'textarea'],
  ...['option', 'audio', 'video', 'source', 'track', 'canvas', 'map', 'head', 'title', 'meta'],
  ...['link', 'base', 'noembed', 'noframes', 'xmp', 'plaintext', 'dialog', 'portal'],
]

/**
 * URLs a src or href may hold here: http(s), mailto, in-page fragments, and scheme-less
 * relative paths (images saved next to the page, resolved by the asset step). data: on <img>
 * passes through DOMPurify's own DATA_URI_TAGS rule and is checked again by the serializer.
 */
const ALLOWED_URI = /^(?:https?:|mailto:|#|(?![a-z][a-z0-9+.-]*:)[^\s])/i

const CONFIG: Config = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  FORBID_CONTENTS,
  ALLOWED_URI_REGEXP: ALLOWED_URI,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  SANITIZE_DOM: true,
  SAFE_FOR_XML: true,
  KEEP_CONTENT: true,
  IN_PLACE: true,
}

interface Purifier {
  isSupported: boolean
  sanitize(node: unknown, cfg: Config): unknown
}

let purifier: Purifier | undefined

/** DOMPurify bound to a linkedom window that has everything DOMPurify looks up. */
function getPurifier(): Purifier {
  if (purifier) return purifier
  const linkedom = loadedLinkedom()
  const { document } = linkedom.parseHTML('<!doctype html><html><head></head><body></body></html>')
  const emptyDoc = () =>
    linkedom.parseHTML('<!doctype html><html><head></head><body></body></html>').document
  // DOMPurify only calls createHTMLDocument/createDocument for string input; we sanitise
  // nodes in place, but it checks they exist before agreeing to run at all.
  Object.defineProperty(document, 'implementation', {
    value: { createHTMLDocument: emptyDoc, createDocument: emptyDoc },
  })
  const walkers = document as unknown as WalkerFactory
  Object.defineProperty(document, 'createNodeIterator', {
    value: (root: IterNode, whatToShow: number) => createNodeIterator(walkers, root, whatToShow),
  })
  const window = {
    document,
    // DOMPurify reads nodes through getters it looks up on these prototypes, so that a
    // clobbered property cannot lie to it; linkedom keeps most of them as own fields, where
    // the lookup would find nothing and every read would return null.
    Node: readThrough(['nodeType', 'nodeName', 'ownerDocument'], []),
    Element: readThrough(
      ['nextSibling', 'childNodes', 'parentNode', 'shadowRoot', 'attributes', 'namespaceURI'],
      ['cloneNode', 'remove', 'removeAttributeNode'],
    ),
    NodeFilter: linkedom.NodeFilter,
    DOMParser: linkedom.DOMParser,
    HTMLTemplateElement: linkedom.HTMLTemplateElement,
    HTMLFormElement: linkedom.HTMLFormElement,
    DocumentFragment: linkedom.DocumentFragment,
  }
  // The shim is structurally a window for what DOMPurify reads; its type wants the DOM lib.
  const dp = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0])
  if (!dp.isSupported) throw new Error('DOMPurify cannot run over linkedom: refusing to import')
  purifier = dp as unknown as Purifier
  return purifier
}

interface IterNode {
  nodeType: number
  parentNode: IterNode | null
}

interface WalkerFactory {
  createTreeWalker(root: IterNode, whatToShow: number): { nextNode(): IterNode | null }
}

/**
 * A NodeIterator for DOMPurify's walk. linkedom's is a TreeWalker that leaves out the root
 * (so an in-place root is never checked and DOMPurify gives up) and snapshots the tree, so
 * it would go on to visit nodes DOMPurify already cut out. This one starts at the root and
 * skips whatever is no longer under it.
 */
function createNodeIterator(walkers: WalkerFactory, root: IterNode, whatToShow: number) {
  const walker = walkers.createTreeWalker(root, whatToShow)
  let started = false
  return {
    nextNode(): IterNode | null {
      if (!started) {
        started = true
        if (root.nodeType === 1) return root
      }
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (isUnder(node, root)) return node
      }
      return null
    },
  }
}

function isUnder(node: IterNode, root: IterNode): boolean {
  for (let p = node.parentNode; p; p = p.parentNode) if (p === root) return true
  return false
}

/** A stand-in class whose prototype forwards each property and method to the node itself. */
function readThrough(props: string[], methods: string[]): { prototype: object } {
  const proto: object = {}
  for (const name of props) {
    Object.defineProperty(proto, name, {
      get(this: Record<string, unknown>) {
        return this[name]
      },
    })
  }
  for (const name of methods) {
    Object.defineProperty(proto, name, {
      value(this: Record<string, (...args: unknown[]) => unknown>, ...args: unknown[]) {
        return this[name]!(...args)
      },
    })
  }
  return { prototype: proto }
}

/**
 * Sanitises `root`'s subtree in place with the article allow-list. `root` itself must be an
 * allowed element (Readability's wrapper <div>). Throws when DOMPurify cannot run.
 */
export function purifyInPlace(root: DomElement): void {
  getPurifier().sanitize(root, CONFIG)
}
