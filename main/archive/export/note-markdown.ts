// A user's Markdown note placed under a heading of an export: its own headings moved down so
// the note's "# Summary" never stands beside the article's title. For Markdown files the text
// is rewritten (ATX and setext headings, nothing inside code); for HTML and EPUB it is rendered.
import MarkdownIt from 'markdown-it'

/** No raw HTML (shown as text, never run), soft breaks kept as line breaks. */
const md = new MarkdownIt({ html: false, linkify: false, breaks: true })

/** The shallowest heading level used in `text` (1–6), or null when it has none. */
function topLevel(tokens: ReturnType<typeof md.parse>): number | null {
  let top: number | null = null
  for (const t of tokens) {
    if (t.type !== 'heading_open') continue
    const level = Number(t.tag.slice(1))
    top = top === null ? level : Math.min(top, level)
  }
  return top
}

/**
 * `text` with its headings shifted so the shallowest is `level` (deeper ones keep their
 * distance, capped at 6). Setext headings become ATX ones; everything else is untouched.
 */
export function demoteMarkdown(text: string, level: number): string {
  const tokens = md.parse(text, {})
  const top = topLevel(tokens)
  if (top === null || top >= level) return text
  const shift = level - top
  const lines: (string | null)[] = text.split('\n')
  for (const t of tokens) {
    if (t.type !== 'heading_open' || !t.map) continue
    const depth = Math.min(6, Number(t.tag.slice(1)) + shift)
    const [start, end] = t.map
    if (t.markup.startsWith('#')) {
      lines[start] = lines[start]!.replace(/^(\s{0,3})#{1,6}(?=\s|$)/, `$1${'#'.repeat(depth)}`)
    } else {
      // Setext: the text lines, then the underline; joined into one ATX line.
      const content = lines
        .slice(start, end - 1)
        .map((l) => (l ?? '').trim())
        .join(' ')
      const rest: null[] = Array<null>(end - start - 1).fill(null)
      lines.splice(start, end - start, `${'#'.repeat(depth)} ${content}`, ...rest)
    }
  }
  return lines.filter((l) => l !== null).join('\n')
}

/** `text` rendered to HTML with its headings starting at `level` (h3 under an h2 "Note"). */
export function renderNoteHtml(text: string, level: number): string {
  const tokens = md.parse(text, {})
  const top = topLevel(tokens)
  if (top !== null && top < level) {
    const shift = level - top
    for (const t of tokens) {
      if (t.type === 'heading_open' || t.type === 'heading_close') {
        t.tag = `h${Math.min(6, Number(t.tag.slice(1)) + shift)}`
      }
    }
  }
  return md.renderer.render(tokens, md.options, {})
}
