// Wallabag's JSON export, v1 (is_read/is_fav, tags "a,b") and v2 (is_archived/is_starred,
// tags list, annotations): each entry carries its article body, so it imports with text.
import type { EntryDetails, ImportEntry, ImportedHighlight } from '../extracted.ts'
import { articleFromHtml, creditsOf } from './article-from-html.ts'
import { itemList } from './json.ts'
import type { RowProblem } from './result.ts'
import { defineJsonService } from './text-services.ts'
import { cleanTags, httpUrl, isRecord, isoDate, text, truthy } from './values.ts'

// v1 writes each row twice, by column number first: its keys may sit past the sniffed head
// when the first article is long, so the numbered prefix identifies it too.
const V1_PREFIX = /^\s*\[\s*\{\s*"0"\s*:\s*"\d+"\s*,\s*"1"\s*:/

export const wallabagJsonImporter = defineJsonService({
  id: 'wallabag-json',
  label: 'Wallabag export (.json)',
  matches: (head) => {
    if (!/^\s*\[/.test(head)) return false
    if (V1_PREFIX.test(head)) return true
    return (
      /"is_archived"\s*:/.test(head) || (/"is_fav"\s*:/.test(head) && /"is_read"\s*:/.test(head))
    )
  },
  parse: (value, name) => {
    const items = itemList(value, 'the Wallabag export')
    const entries: ImportEntry[] = []
    const problems: RowProblem[] = []
    items.forEach((item, i) => {
      const source = `${name} › item ${i + 1}`
      if (!isRecord(item)) return problems.push({ source, reason: 'is not an object' })
      const url = httpUrl(item.url)
      if (!url)
        return problems.push({ source, reason: `"${text(item.url) ?? ''}" is not a web address` })
      const { entry, problem } = wallabagEntry(item, url, source)
      entries.push(entry)
      if (problem) problems.push({ source, reason: problem })
    })
    return { entries, problems }
  },
})

function wallabagEntry(
  item: Record<string, unknown>,
  url: string,
  source: string,
): { entry: ImportEntry; problem?: string } {
  const archived = truthy(item.is_archived) || truthy(item.is_read)
  const favorite = truthy(item.is_starred) || truthy(item.is_fav)
  const title = text(item.title)
  const addedAt = isoDate(item.created_at)
  const publishedAt = isoDate(item.published_at)
  const language = text(item.language)?.replace('_', '-')
  const byline = Array.isArray(item.published_by) ? text(item.published_by.join(', ')) : undefined
  const leadImage = httpUrl(item.preview_picture)
  const html = text(item.content)
  const { article, problem } = html
    ? articleFromHtml(html, {
        title: title ?? url,
        url,
        ...(byline ? { byline } : {}),
        ...(publishedAt ? { publishedAt } : {}),
        ...(language && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/i.test(language) ? { language } : {}),
        ...(leadImage ? { leadImage } : {}),
        ...(text(item.domain_name) ? { source: text(item.domain_name)! } : {}),
      })
    : {}
  const site = text(item.domain_name)
  const details: EntryDetails = {
    ...creditsOf(byline, site),
    ...(byline ? { byline } : {}),
    ...(publishedAt ? { publishedAt } : {}),
    ...(leadImage ? { leadImage } : {}),
    ...(site ? { source: site } : {}),
  }
  const entry: ImportEntry = {
    source,
    ...(article ? { article } : { details }),
    url,
    ...(title ? { title } : {}),
    tags: cleanTags(tagNames(item.tags)),
    status: archived ? 'read' : 'unread',
    archived,
    favorite,
    ...(addedAt ? { addedAt } : {}),
    highlights: annotations(item.annotations),
  }
  return { entry, ...(problem ? { problem } : {}) }
}

/** v2: ["a", "b"] or [{ label: "a" }]; v1: "a,b". */
function tagNames(tags: unknown): unknown[] {
  if (typeof tags === 'string') return tags.split(',')
  if (!Array.isArray(tags)) return []
  return tags.map((t) => (isRecord(t) ? (t.label ?? t.slug) : t))
}

/** Wallabag annotations follow annotator.js: { quote, text (the note), ranges, created_at }. */
function annotations(list: unknown): ImportedHighlight[] {
  if (!Array.isArray(list)) return []
  const out: ImportedHighlight[] = []
  for (const a of list) {
    if (!isRecord(a)) continue
    const quote = text(a.quote)
    if (!quote) continue
    const note = text(a.text)
    const createdAt = isoDate(a.created_at)
    out.push({ quote, ...(note ? { note } : {}), ...(createdAt ? { createdAt } : {}) })
  }
  return out
}
