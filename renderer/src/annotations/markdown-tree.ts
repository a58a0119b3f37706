// Markdown notes parsed into a small allow-listed tree (no HTML strings): markdown-it with raw
// HTML off, links kept only for http(s) and mailto, images turned into links, never loaded.
import MarkdownIt from 'markdown-it'
import type { Token } from 'markdown-it'

/** Elements a note may produce; anything else markdown-it emits is flattened to its text. */
export type NoteTag =
  | 'p'
  | 'blockquote'
  | 'ul'
  | 'ol'
  | 'li'
  | 'em'
  | 'strong'
  | 's'
  | 'code'
  | 'pre'
  | 'hr'
  | 'br'
  | 'a'
  | 'table'
  | 'thead'
  | 'tbody'
  | 'tr'
  | 'th'
  | 'td'

export interface NoteElement {
  tag: NoteTag
  children: NoteNode[]
  /** Links only: an http(s) or mailto address. */
  href?: string
  /** Headings become strong paragraphs with this level, so notes never break heading order. */
  heading?: number
  /** Images: shown as a link to their address, marked so CSS can say so. */
  image?: boolean
}
export type NoteNode = string | NoteElement

const SAFE_HREF = /^(https?:|mailto:)/i

const md = new MarkdownIt('default', { html: false, linkify: true, typographer: false })
// markdown-it refuses javascript:/vbscript:/file:/data: itself; ours is stricter still, so a
// refused address stays literal text instead of becoming a link.
md.validateLink = (url: string) => SAFE_HREF.test(url.trim())

/** True for addresses a note may link to. */
export function isSafeHref(href: string): boolean {
  return SAFE_HREF.test(href.trim())
}

const BLOCK_TAGS: Record<string, NoteTag> = {
  paragraph_open: 'p',
  heading_open: 'p',
  blockquote_open: 'blockquote',
  bullet_list_open: 'ul',
  ordered_list_open: 'ol',
  list_item_open: 'li',
  table_open: 'table',
  thead_open: 'thead',
  tbody_open: 'tbody',
  tr_open: 'tr',
  th_open: 'th',
  td_open: 'td',
  em_open: 'em',
  strong_open: 'strong',
  s_open: 's',
  link_open: 'a',
}

/** Parses `source` (a note as typed) into the tree Markdown.tsx renders. Never throws. */
export function parseNote(source: string): NoteNode[] {
  const root: NoteElement = { tag: 'p', children: [] }
  // `keep: false` marks a wrapper left out (a tight list's hidden paragraph, a refused link):
  // its children go to the parent when it closes.
  const stack: { el: NoteElement; keep: boolean }[] = [{ el: root, keep: true }]
  const top = () => stack[stack.length - 1]!.el
  const walk = (tokens: Token[]) => {
    for (const t of tokens) {
      if (t.nesting === 1) {
        const tag = BLOCK_TAGS[t.type]
        const el: NoteElement = { tag: tag ?? 'p', children: [] }
        if (t.type === 'heading_open') el.heading = Number(t.tag.slice(1)) || 1
        if (t.type === 'link_open') {
          const href = String(t.attrGet('href') ?? '')
          if (isSafeHref(href)) el.href = href
        }
        const keep = !t.hidden && tag !== undefined && (tag !== 'a' || el.href !== undefined)
        if (keep) top().children.push(el)
        stack.push({ el, keep })
      } else if (t.nesting === -1) {
        if (stack.length === 1) continue
        const done = stack.pop()!
        if (!done.keep) for (const c of done.el.children) push(top(), c)
      } else {
        leaf(t, top(), walk)
      }
    }
  }
  walk(md.parse(source, {}))
  return root.children
}

function leaf(t: Token, parent: NoteElement, walk: (tokens: Token[]) => void): void {
  switch (t.type) {
    case 'inline':
      walk(t.children ?? [])
      return
    case 'text':
    case 'html_inline':
    case 'html_block':
      pushText(parent, t.content)
      return
    case 'softbreak':
      pushText(parent, '\n')
      return
    case 'hardbreak':
      parent.children.push({ tag: 'br', children: [] })
      return
    case 'code_inline':
      parent.children.push({ tag: 'code', children: [t.content] })
      return
    case 'code_block':
    case 'fence':
      parent.children.push({ tag: 'pre', children: [{ tag: 'code', children: [t.content] }] })
      return
    case 'hr':
      parent.children.push({ tag: 'hr', children: [] })
      return
    case 'image': {
      const src = String(t.attrGet('src') ?? '')
      const alt = t.content || 'image'
      if (isSafeHref(src) && !/^mailto:/i.test(src)) {
        parent.children.push({ tag: 'a', href: src, image: true, children: [`Image: ${alt}`] })
      } else pushText(parent, alt)
      return
    }
    default:
      if (t.content) pushText(parent, t.content)
  }
}

function pushText(parent: NoteElement, text: string): void {
  push(parent, text)
}

/** Appends a node, joining adjacent text. */
function push(parent: NoteElement, node: NoteNode): void {
  const last = parent.children[parent.children.length - 1]
  if (typeof last === 'string' && typeof node === 'string') {
    parent.children[parent.children.length - 1] = last + node
  } else parent.children.push(node)
}

/** The note's text without markup, for one-line previews (the notebook's rows). */
export function noteText(nodes: NoteNode[]): string {
  return nodes.map((n) => (typeof n === 'string' ? n : noteText(n.children))).join(' ')
}
