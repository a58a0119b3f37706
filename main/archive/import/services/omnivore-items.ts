// One Omnivore item (the JSON export's, or a zip's metadata_*.json entry) -> an ImportEntry.
import type { EntryDetails, ImportEntry, ImportedHighlight } from '../extracted.ts'
import { articleFromHtml, creditsOf } from './article-from-html.ts'
import type { RowProblem } from './result.ts'
import { cleanTags, highlightColor, httpUrl, isRecord, isoDate, text, truthy } from './values.ts'

export interface OmnivoreExtras {
  /** content/<slug>.html in the zip export. */
  contentHtml?: string
  /** highlights/<slug>.md in the zip export, already parsed. */
  highlights?: ImportedHighlight[]
}

/** What one item gives: the entry, a problem (why it was left out or only partly read), or both. */
export interface ItemResult {
  entry?: ImportEntry
  problem?: RowProblem
}

export function omnivoreEntry(
  item: unknown,
  source: string,
  extras: OmnivoreExtras = {},
): ItemResult {
  const skip = (reason: string): ItemResult => ({ problem: { source, reason } })
  if (!isRecord(item)) return skip('is not an object')
  const url = httpUrl(item.url) ?? httpUrl(item.originalUrl)
  if (!url) return skip(`"${text(item.url) ?? ''}" is not a web address`)
  const state = (text(item.state) ?? '').toLowerCase()
  if (state === 'deleted') return skip('was deleted in Omnivore')
  const archived = state === 'archived' || truthy(item.isArchived)
  const progress = typeof item.readingProgress === 'number' ? item.readingProgress : 0
  const title = text(item.title)
  const addedAt = isoDate(item.savedAt)
  const publishedAt = isoDate(item.publishedAt)
  const byline = text(item.author)
  const html = extras.contentHtml ?? text(item.content)
  const { article, problem } = html
    ? articleFromHtml(html, {
        title: title ?? url,
        url,
        ...(byline ? { byline } : {}),
        ...(publishedAt ? { publishedAt } : {}),
        ...(httpUrl(item.thumbnail) ? { leadImage: httpUrl(item.thumbnail)! } : {}),
        ...(text(item.siteName) ? { source: text(item.siteName)! } : {}),
      })
    : {}
  const thumbnail = httpUrl(item.thumbnail)
  const description = text(item.description)
  const details: EntryDetails = {
    ...creditsOf(byline, undefined),
    ...(byline ? { byline } : {}),
    ...(publishedAt ? { publishedAt } : {}),
    ...(thumbnail ? { leadImage: thumbnail } : {}),
    ...(description ? { excerpt: description } : {}),
    ...(text(item.siteName) ? { source: text(item.siteName)! } : {}),
  }
  const entry: ImportEntry = {
    source,
    ...(article ? { article } : { details }),
    url,
    ...(title ? { title } : {}),
    tags: cleanTags(labelNames(item.labels)),
    status: archived || progress >= 98 ? 'read' : progress > 0 ? 'reading' : 'unread',
    archived,
    ...(addedAt ? { addedAt } : {}),
    highlights: [...jsonHighlights(item.highlights), ...(extras.highlights ?? [])],
  }
  return { entry, ...(problem ? { problem: { source, reason: problem } } : {}) }
}

/** Adds one item's result to the lists being built. */
export function collect(r: ItemResult, entries: ImportEntry[], problems: RowProblem[]): void {
  if (r.entry) entries.push(r.entry)
  if (r.problem) problems.push(r.problem)
}

/** Labels are strings in the export, { name } objects in the API's JSON. */
function labelNames(labels: unknown): unknown[] {
  if (!Array.isArray(labels)) return []
  return labels.map((l) => (isRecord(l) ? l.name : l))
}

/** Highlights as the API (and tools built on it) write them: { quote, annotation, color }. */
function jsonHighlights(list: unknown): ImportedHighlight[] {
  if (!Array.isArray(list)) return []
  const out: ImportedHighlight[] = []
  for (const h of list) {
    if (!isRecord(h)) continue
    const quote = text(h.quote)
    if (!quote) continue
    const note = text(h.annotation) ?? text(h.note)
    const color = highlightColor(h.color)
    const createdAt = isoDate(h.createdAt)
    const prefix = text(h.prefix)
    const suffix = text(h.suffix)
    out.push({
      quote,
      ...(note ? { note } : {}),
      ...(color ? { color } : {}),
      ...(createdAt ? { createdAt } : {}),
      ...(prefix ? { prefix } : {}),
      ...(suffix ? { suffix } : {}),
      ...(Array.isArray(h.labels) ? { tags: cleanTags(labelNames(h.labels)) } : {}),
    })
  }
  return out
}
