// The slice of the DOM the HTML importer uses, typed structurally: main is compiled without
// the DOM lib (no browser globals in Node code), and linkedom implements these members.
import { linkedom } from './linkedom-runtime.ts'

export const ELEMENT_NODE = 1
export const TEXT_NODE = 3

export interface DomAttr {
  name: string
  value: string
}

export interface DomNode {
  nodeType: number
  nodeName: string
  parentNode: DomNode | null
  firstChild: DomNode | null
  nextSibling: DomNode | null
  previousSibling: DomNode | null
  textContent: string | null
  remove(): void
}

export interface DomElement extends DomNode {
  localName: string
  attributes: ArrayLike<DomAttr>
  getAttribute(name: string): string | null
  setAttribute(name: string, value: string): void
  removeAttribute(name: string): void
  querySelector(selector: string): DomElement | null
  querySelectorAll(selector: string): ArrayLike<DomElement>
  closest(selector: string): DomElement | null
  contains(other: DomNode): boolean
  replaceWith(...nodes: DomNode[]): void
  appendChild(node: DomNode): DomNode
  cloneNode(deep?: boolean): DomNode
}

export interface DomDocument extends DomNode {
  documentElement: DomElement | null
  title: string
  querySelector(selector: string): DomElement | null
  querySelectorAll(selector: string): ArrayLike<DomElement>
  createElement(tag: string): DomElement
  createTextNode(text: string): DomNode
}

/** Parses a whole page. linkedom is forgiving: any string gives a document. */
export function parseDocument(html: string): DomDocument {
  return linkedom().parseHTML(html).document as unknown as DomDocument
}

export function isElement(node: DomNode): node is DomElement {
  return node.nodeType === ELEMENT_NODE
}
