// Plain text of a stored article body: block elements become paragraphs separated by one
// blank line. Pure string work (no DOM), because it runs in main, the CLI and the renderer.

/** The elements whose end starts a new line of text (paragraph); the renderer maps by them. */
export const BLOCK_TAGS = [
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'blockquote',
  'pre',
  'figcaption',
  'div',
  'section',
  'article',
  'tr',
] as const

const BLOCK_END = new RegExp(`</(${BLOCK_TAGS.join('|')})>|<br\\s*/?>`, 'gi')
const TAG = /<[^>]*>/g
const ENTITY = /&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
}

export function decodeEntities(s: string): string {
  return s.replace(ENTITY, (m, name: string) => {
    const lower = name.toLowerCase()
    if (lower.startsWith('#x')) return safeCodePoint(parseInt(lower.slice(2), 16)) ?? m
    if (lower.startsWith('#')) return safeCodePoint(parseInt(lower.slice(1), 10)) ?? m
    return NAMED[lower] ?? m
  })
}

function safeCodePoint(n: number): string | undefined {
  return Number.isInteger(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : undefined
}

/** The paragraphs of an HTML body, whitespace collapsed, empty ones dropped. */
export function htmlToParagraphs(html: string): string[] {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(BLOCK_END, '\n')
    .replace(TAG, '')
    .split('\n')
    .map((line) => decodeEntities(line).replace(/\s+/g, ' ').trim())
    .filter((line) => line.length > 0)
}

export function htmlToText(html: string): string {
  return htmlToParagraphs(html).join('\n\n')
}

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}
