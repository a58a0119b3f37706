// Markdown to safe HTML: raw HTML is escaped (not passed through), bare URLs stay text, and
// links and images may only point to http(s), mailto or a fragment.
import MarkdownIt from 'markdown-it'

const SAFE_LINK = /^(?:https?:|mailto:|#)/i

function createRenderer() {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false })
  md.validateLink = (url: string) => SAFE_LINK.test(url.trim())
  return md
}

let md: ReturnType<typeof createRenderer> | undefined

export function renderMarkdown(source: string): string {
  md ??= createRenderer()
  return md.render(source)
}
