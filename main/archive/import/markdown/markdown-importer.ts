// The Markdown importer: a note (often a web clip with YAML front matter) becomes an article.
import { htmlToParagraphs } from '../../../../shared/html-text.ts'
import { ImportFailure, type ExtractedArticle } from '../extracted.ts'
import type { ArticleImporter } from '../importer.ts'
import { decodeText } from '../text/decode.ts'
import { TextImportError } from '../text/errors.ts'
import { listField, splitFrontMatter, stringField } from './front-matter.ts'
import { renderMarkdown } from './render-markdown.ts'

/** Larger notes are refused: markdown-it renders in memory, and no article is this long. */
export const MAX_MARKDOWN_BYTES = 4 * 1024 * 1024

export const markdownImporter: ArticleImporter = {
  id: 'markdown',
  label: 'Markdown notes (.md, .markdown)',
  kind: 'article',
  maxBytes: MAX_MARKDOWN_BYTES,
  matches: (s) => s.ext === '.md' || s.ext === '.markdown',
  extract: (bytes, ctx) => extractMarkdown(bytes, ctx.name),
}

/**
 * Reads a Markdown note. Title: front matter, else the first heading, else the file name.
 * Throws ImportFailure: 'TOO_LARGE', 'BINARY', 'EMPTY', 'INVALID_INPUT' (bad front matter).
 */
export function extractMarkdown(bytes: Uint8Array, name: string): ExtractedArticle {
  const { data, body } = splitFrontMatter(decode(bytes))
  const heading = firstHeading(body)
  const title = stringField(data, 'title', 'name') ?? heading?.text ?? fileTitle(name)
  // The note's own first heading repeats the title: the reader shows the title already.
  const shown =
    heading && heading.text === title
      ? body.slice(0, heading.start) + body.slice(heading.end)
      : body
  const bodyHtml = renderMarkdown(shown)
  const paragraphs = htmlToParagraphs(bodyHtml)
  if (paragraphs.length === 0 && !title) throw new ImportFailure('EMPTY', 'the note is empty')
  const authors = listField(data, 'author', 'authors', 'creator', 'by').map(unwikilink)
  const url = httpUrl(stringField(data, 'source', 'url', 'link', 'original_url', 'canonical'))
  const published = isoDate(stringField(data, 'published', 'date', 'pubDate', 'publish_date'))
  const modified = isoDate(stringField(data, 'updated', 'modified', 'lastmod'))
  const site = stringField(data, 'site', 'site_name', 'publisher', 'publication')
  const subtitle = stringField(data, 'description', 'subtitle', 'summary')
  const language = stringField(data, 'lang', 'language')
  const tags = frontMatterTags(data)
  return {
    title: title || 'Untitled',
    ...(subtitle ? { subtitle } : {}),
    ...(authors.length ? { byline: authors.join(', ') } : {}),
    authors,
    ...(site
      ? { source: site }
      : url
        ? { source: new URL(url).hostname.replace(/^www\./, '') }
        : {}),
    paragraphs,
    bodyHtml,
    ...(url ? { url } : {}),
    ...(published ? { publishedAt: published } : {}),
    ...(modified ? { modifiedAt: modified } : {}),
    ...(language && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(language) ? { language } : {}),
    ...(tags.length ? { tags } : {}),
    format: 'markdown',
  }
}

/** The front matter's tags ('#' dropped), for the pipeline to add to the article. Throws as extractMarkdown. */
export function markdownTags(bytes: Uint8Array): string[] {
  return frontMatterTags(splitFrontMatter(decode(bytes)).data)
}

function frontMatterTags(data: Parameters<typeof listField>[0]): string[] {
  const tags = listField(data, 'tags', 'tag', 'keywords').flatMap((t) => t.split(/\s+/))
  return [...new Set(tags.map((t) => t.replace(/^#/, '').trim()).filter((t) => t !== ''))]
}

function decode(bytes: Uint8Array): string {
  if (bytes.length > MAX_MARKDOWN_BYTES) {
    throw new ImportFailure(
      'TOO_LARGE',
      'the note is larger than the 4 MB limit for Markdown files',
    )
  }
  try {
    return decodeText(bytes).text
  } catch (err) {
    if (err instanceof TextImportError) throw new ImportFailure(err.code, err.message)
    throw err
  }
}

interface Heading {
  text: string
  start: number
  end: number
}

/** The first ATX (# …) or setext (text over ===) heading of level 1 or 2, outside code fences. */
function firstHeading(body: string): Heading | undefined {
  let fenced = false
  let offset = 0
  const lines = body.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    const start = offset
    offset += line.length + 1
    if (/^\s{0,3}(```|~~~)/.test(line)) fenced = !fenced
    if (fenced) continue
    const atx = /^\s{0,3}#{1,2}\s+(.+?)\s*#*\s*$/.exec(line)
    if (atx?.[1]) return { text: inlineText(atx[1]), start, end: Math.min(offset, body.length) }
    const next = lines[i + 1] ?? ''
    if (line.trim() && /^\s{0,3}(=+|-+)\s*$/.test(next) && !/^\s{0,3}[-*+>]/.test(line)) {
      return { text: inlineText(line), start, end: Math.min(offset + next.length + 1, body.length) }
    }
  }
  return undefined
}

/** A heading's Markdown as plain text (emphasis and link syntax dropped). */
function inlineText(md: string): string {
  return htmlToParagraphs(renderMarkdown(md)).join(' ').trim()
}

function fileTitle(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name
  return base
    .replace(/\.(md|markdown)$/i, '')
    .replace(/[_]+/g, ' ')
    .trim()
}

/** Obsidian writes authors as wiki links: "[[Jane Doe]]" or "[[Jane Doe|Jane]]". */
function unwikilink(s: string): string {
  const m = /^\[\[([^\]|]+)(?:\|([^\]]+))?\]\]$/.exec(s.trim())
  return (m ? (m[2] ?? m[1] ?? s) : s).trim()
}

function httpUrl(raw: string | undefined): string | undefined {
  if (!raw) return undefined
  try {
    const u = new URL(raw)
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined
  } catch {
    return undefined
  }
}

function isoDate(raw: string | undefined): string | undefined {
  if (!raw) return undefined
  const t = Date.parse(raw)
  if (!Number.isFinite(t)) return undefined
  const year = new Date(t).getUTCFullYear()
  return year >= 1000 && year <= 9999 ? new Date(t).toISOString() : undefined
}
