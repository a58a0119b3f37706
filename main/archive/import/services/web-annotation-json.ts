// W3C Web Annotation JSON-LD (Quire's own export, Hypothesis's API in JSON-LD, any tool that
// follows the model): one Annotation, a list of them, an AnnotationPage or an
// AnnotationCollection with its first page embedded -> one entry per annotated document.
// Positions count code points, as the model says; they are a hint, the quote decides.
import { ImportFailure } from '../extracted.ts'
import { groupByDocument, type DocumentHighlight } from './group-by-document.ts'
import { itemList } from './json.ts'
import type { RowProblem } from './result.ts'
import { defineJsonService } from './text-services.ts'
import { cleanTags, highlightColor, httpUrl, isRecord, isoDate, text } from './values.ts'
import {
  bookOfSource,
  groupByBook,
  locationOfSelectors,
  saysItIsABook,
  type BookRow,
} from './web-annotation-books.ts'

const QUIRE_ARTICLE = /^quire:\/\/article\/([0-9a-f]{16})(?:#|$)/

export const webAnnotationJsonImporter = defineJsonService({
  id: 'web-annotation-json',
  label: 'W3C Web Annotations (.jsonld, .json)',
  exts: ['.jsonld', '.json'],
  matches: (head) => /"@context"/.test(head) && /w3\.org\/ns\/anno\.jsonld/.test(head),
  parse: (value, name) => {
    const list = annotationsOf(value)
    const problems: RowProblem[] = []
    const rows: DocumentHighlight[] = []
    const books: BookRow[] = []
    itemList(list, 'the annotation file').forEach((a, i) => {
      const source = `${name} › annotation ${i + 1}`
      const row = isRecord(a) ? annotationRow(a, source) : { source, reason: 'is not an object' }
      if ('reason' in row) problems.push(row)
      else if ('book' in row) books.push(row)
      else rows.push(row)
    })
    return { entries: [...groupByDocument(rows), ...groupByBook(books)], problems }
  },
})

/** The annotations of a document: itself, its list, its page's items or its first page's. */
function annotationsOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value
  if (!isRecord(value)) throw new ImportFailure('INVALID_INPUT', 'the file holds no annotations')
  if (Array.isArray(value['@graph'])) return value['@graph']
  if (hasType(value, 'Annotation')) return [value]
  if (hasType(value, 'AnnotationPage') && Array.isArray(value.items)) return value.items
  if (hasType(value, 'AnnotationCollection')) {
    const first = value.first
    if (isRecord(first) && Array.isArray(first.items)) return first.items
    throw new ImportFailure(
      'INVALID_INPUT',
      'the collection does not embed its annotations (its first page is only a link)',
    )
  }
  throw new ImportFailure('INVALID_INPUT', 'the file holds no Annotation, page or collection')
}

function annotationRow(
  a: Record<string, unknown>,
  source: string,
): DocumentHighlight | BookRow | RowProblem {
  if (!hasType(a, 'Annotation')) return { source, reason: 'is not an Annotation' }
  const target = firstTarget(a.target)
  if (!target) return { source, reason: 'has no target' }
  const quote = selectorOf(target.selector, 'TextQuoteSelector')
  // Not trimmed: a quote keeps the paragraph breaks it spans.
  const exact = typeof quote?.exact === 'string' && quote.exact.trim() ? quote.exact : undefined
  const { url, articleId, title } = describeSource(target.source)
  const { note, tags } = bodiesOf(a)
  const createdAt = isoDate(a.created)
  // A book (no web page; its authors, identifiers or places say so): onto its book record.
  const location = locationOfSelectors(target.selector)
  const marking = purposeIs(a.motivation, 'bookmarking')
  const book = bookOfSource(target.source, url)
  if (book && (saysItIsABook(book) || location || marking)) {
    if (!exact && marking && location) {
      return {
        source,
        book,
        bookmark: { location, ...(note ? { note } : {}), ...(createdAt ? { createdAt } : {}) },
      }
    }
    if (exact) {
      const color = colorOf(target.styleClass)
      const highlight = {
        quote: exact,
        ...(note ? { note } : {}),
        ...(tags.length ? { tags } : {}),
        ...(color ? { color } : {}),
        ...(createdAt ? { createdAt } : {}),
        ...(location ? { location } : {}),
      }
      return { source, book, highlight }
    }
  }
  if (!exact) return { source, reason: 'is a note on the whole page, with no quoted text' }
  const position = selectorOf(target.selector, 'TextPositionSelector')
  const start =
    typeof position?.start === 'number' && position.start >= 0 ? position.start : undefined
  const color = colorOf(target.styleClass)
  return {
    source,
    ...(url ? { url } : {}),
    ...(title ? { title } : {}),
    ...(articleId ? { articleId } : {}),
    tags: [],
    highlight: {
      quote: exact,
      ...(typeof quote!.prefix === 'string' && quote!.prefix ? { prefix: quote!.prefix } : {}),
      ...(typeof quote!.suffix === 'string' && quote!.suffix ? { suffix: quote!.suffix } : {}),
      ...(note ? { note } : {}),
      ...(tags.length ? { tags } : {}),
      ...(color ? { color } : {}),
      ...(createdAt ? { createdAt } : {}),
      ...(start !== undefined ? { start } : {}),
    },
  }
}

/** The first target that is a resource with selectors (a target may be a list). */
function firstTarget(value: unknown): Record<string, unknown> | undefined {
  for (const t of Array.isArray(value) ? value : [value]) {
    if (isRecord(t) && t.source !== undefined) return t
  }
  return undefined
}

function selectorOf(value: unknown, type: string): Record<string, unknown> | undefined {
  for (const s of Array.isArray(value) ? value : [value]) {
    if (isRecord(s) && hasType(s, type)) return s
  }
  return undefined
}

/** The annotated resource: an IRI, or an object with an id and perhaps a title. */
function describeSource(value: unknown): { url?: string; articleId?: string; title?: string } {
  const id = typeof value === 'string' ? value : isRecord(value) ? text(value.id) : undefined
  const title = isRecord(value)
    ? (text(value['dcterms:title']) ?? text(value['dc:title']) ?? text(value.title))
    : undefined
  const quire = id ? QUIRE_ARTICLE.exec(id) : null
  const url = id ? httpUrl(id) : undefined
  return {
    ...(url ? { url } : {}),
    ...(quire ? { articleId: quire[1]! } : {}),
    ...(title ? { title } : {}),
  }
}

/** The note (commenting or describing bodies, or bodyValue) and the tags (tagging bodies). */
function bodiesOf(a: Record<string, unknown>): { note: string; tags: string[] } {
  const notes: string[] = []
  const tags: string[] = []
  if (typeof a.bodyValue === 'string' && a.bodyValue.trim()) notes.push(a.bodyValue)
  const bodies = Array.isArray(a.body) ? a.body : a.body === undefined ? [] : [a.body]
  for (const b of bodies) {
    if (typeof b === 'string' || !isRecord(b)) continue
    const value = typeof b.value === 'string' ? b.value : ''
    if (!value.trim()) continue
    if (purposeIs(b.purpose, 'tagging')) tags.push(value)
    else notes.push(value)
  }
  return { note: notes.join('\n\n'), tags: cleanTags(tags) }
}

/** Quire's own colour classes (`quire-yellow`…); other tools' classes are left alone. */
function colorOf(value: unknown) {
  for (const c of Array.isArray(value) ? value : [value]) {
    const m = typeof c === 'string' ? /^quire-([a-z]+)$/.exec(c) : null
    const color = m ? highlightColor(m[1]) : undefined
    if (color) return color
  }
  return undefined
}

function hasType(v: Record<string, unknown>, type: string): boolean {
  const t = v.type ?? v['@type']
  return Array.isArray(t)
    ? t.includes(type) || t.includes(`oa:${type}`)
    : t === type || t === `oa:${type}`
}

function purposeIs(v: unknown, purpose: string): boolean {
  return Array.isArray(v) ? v.includes(purpose) : v === purpose
}
