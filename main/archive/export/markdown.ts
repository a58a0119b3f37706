// Markdown for Obsidian/Logseq: one note per article with YAML front matter, the article
// note and its highlights, the Quire-owned part between markers so re-export can find it.
import { Document } from 'yaml'
import { locationLabel } from '../../../shared/book.ts'
import { webAddress } from './citation-fields.ts'
import { creatorsOf } from './creators.ts'
import type { ExportItem } from './export-item.ts'
import { highlightsInOrder, isoDay, quireLink } from './export-item.ts'
import { DEFAULT_TEMPLATE, fillTemplate } from './markdown-template.ts'
import { safeFileName, uniqueName } from './file-name.ts'
import { demoteMarkdown } from './note-markdown.ts'

export const START_MARKER = '<!-- quire:start -->'
export const END_MARKER = '<!-- quire:end -->'
/** The front matter keys Quire writes and rewrites; any other key is the user's. */
export const OWNED_KEYS = [
  'quire-id',
  'title',
  'authors',
  'source',
  'url',
  'published',
  'imported',
  'tags',
] as const

export type FrontMatter = Partial<Record<(typeof OWNED_KEYS)[number], string | string[]>>

export interface RenderedNote {
  /** The file name without `.md`, already safe for every system (not yet unique). */
  fileBase: string
  /** The Quire-owned keys; absent values are left out. */
  frontMatter: FrontMatter
  /** The managed section, markers included. */
  managed: string
}

/** Render one article. Pure: same item and template, same text. */
export function renderNote(item: ExportItem, template = DEFAULT_TEMPLATE): RenderedNote {
  const a = item.article
  const articleValues = {
    title: a.title,
    date: isoDay(a.publishedAt) || isoDay(a.importedAt),
    source: a.source ?? '',
    authors: creatorNames(item).join(', '),
    id: a.id,
  }
  const title = fillTemplate(template.title, articleValues).replace(/\s+/g, ' ').trim()
  const parts = [`# ${escapeInline(title || a.title)}`]
  // The note under its own heading, its own headings below that: one H1 per note, the title.
  if (a.note.trim()) parts.push('## Note', neutraliseMarkers(demoteMarkdown(a.note.trim(), 3)))
  const highlights = highlightsInOrder(item)
  if (highlights.length) {
    parts.push('## Highlights')
    for (const h of highlights) {
      const ann = h.annotation
      parts.push(
        fillTemplate(template.highlight, {
          quote: escapeBlock(ann.target.quote.exact),
          note: neutraliseMarkers(demoteMarkdown(ann.note.trim(), 3)),
          color: ann.color,
          tags: ann.tags.map((t) => `#${obsidianTag(t)}`).join(' '),
          link: quireLink(a.id, ann.id),
          id: ann.id,
          blockId: `^q-${ann.id}`,
          date: isoDay(ann.createdAt),
          location: locationLabel(ann.target.location),
        }).trim(),
      )
    }
  }
  const managed = `${START_MARKER}\n${parts.join('\n\n')}\n${END_MARKER}`
  return {
    fileBase: safeFileName(fillTemplate(template.fileName, articleValues), a.id),
    frontMatter: frontMatterOf(item),
    managed,
  }
}

/** Every note as a new file (for a zip or a preview), names unique in the set. */
export function renderNotes(
  items: ExportItem[],
  template = DEFAULT_TEMPLATE,
): { name: string; text: string }[] {
  const taken = new Set<string>()
  return items.map((item) => {
    const note = renderNote(item, template)
    return { name: uniqueName(note.fileBase, '.md', taken), text: noteFile(note) }
  })
}

/** The whole text of a new note file. */
export function noteFile(note: RenderedNote): string {
  return `---\n${yamlOf(note.frontMatter)}---\n\n${note.managed}\n`
}

function creatorNames({ article }: ExportItem): string[] {
  const { people, organizations } = creatorsOf(article)
  return [...people, ...organizations]
}

function frontMatterOf(item: ExportItem): FrontMatter {
  const a = item.article
  const fm: FrontMatter = { 'quire-id': a.id, title: a.title }
  const authors = creatorNames(item)
  if (authors.length) fm.authors = authors
  if (a.source) fm.source = a.source
  // The canonical address when known: the one a citation or a link should use.
  const url = webAddress(a)
  if (url) fm.url = url
  if (isoDay(a.publishedAt)) fm.published = isoDay(a.publishedAt)
  fm.imported = isoDay(a.importedAt)
  if (a.tags.length) fm.tags = a.tags.map(obsidianTag)
  return fm
}

/** YAML via the `yaml` package, so quotes, colons, `#`, newlines and RTL text stay data. */
export function yamlOf(fm: FrontMatter): string {
  return new Document(fm).toString({ lineWidth: 0 })
}

/** Obsidian tags cannot hold spaces; `/` nests as it does in Quire. */
function obsidianTag(tag: string): string {
  return tag.trim().replace(/\s+/g, '-').replace(/^#+/, '')
}

/** Inline text that must read as text, not Markdown or HTML. */
export function escapeInline(s: string): string {
  return s.replace(/[\\`*_[\]<>|~]/g, '\\$&').replace(/^([#+=-]|\d+\.)/, '\\$1')
}

/** Quoted text: every line escaped, blank lines kept (the template's lead continues them). */
function escapeBlock(s: string): string {
  return s
    .split(/\r\n?|\n/)
    .map((line) => escapeInline(line.trim()))
    .join('\n')
}

/** A user's note is their Markdown, kept as is, except that it can never close our section. */
function neutraliseMarkers(s: string): string {
  return s.replace(/<!--\s*quire:(start|end)\s*-->/gi, '<!-- quire $1 -->')
}
