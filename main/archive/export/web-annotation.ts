// W3C Web Annotation JSON-LD: an AnnotationCollection whose one page lists every highlight as
// an Annotation on the article's web address (canonical first), with TextQuoteSelector and
// TextPositionSelector, its note and tags as bodies and its colour as a styleClass.
//
// Positions count Unicode code points, as the model says of a "character" (Web Annotation
// Data Model §4.2.4-4.2.5), over the article's normalised text; Quire itself counts UTF-16
// units, so each offset is converted here (and back on import).
//
// A book known only by its metadata has no text to select in: its highlights carry the quote
// and their place (page, Kindle location…) as a FragmentSelector in Quire's location form
// (shared/location-fragment.ts); its bookmarks are `bookmarking` annotations with the place
// alone; its source says who wrote it (`dcterms:creator`) and its ISBN and ASIN (schema.org).
import { htmlToText } from '../../../shared/html-text.ts'
import { isBook, type Bookmark, type Location } from '../../../shared/book.ts'
import { LOCATION_FRAGMENT_FORM, locationFragment } from '../../../shared/location-fragment.ts'
import type { Annotation, Article, HighlightColor } from '../../../shared/model.ts'
import { webAddress } from './citation-fields.ts'
import type { ExportItem } from './export-item.ts'
import { highlightsInOrder, quireLink } from './export-item.ts'
import { encodeIri } from './iri.ts'

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld'
/** The prefix of the styleClass naming a highlight's colour: `quire-yellow`… */
export const STYLE_CLASS_PREFIX = 'quire-'

/** The colours as CSS, the stylesheet every annotation with a styleClass must carry (§4.4). */
const COLOURS: Record<HighlightColor, string> = {
  yellow: '#fff3a3',
  green: '#c8f0c0',
  blue: '#c4defc',
  pink: '#fbcfe2',
  purple: '#e0d0fa',
}

export interface WebAnnotationOptions {
  /** The collection's IRI; the default names the export by its time. */
  id?: string
  label?: string
  /** ISO time of the export, for a stable default id (tests pass a fixed one). */
  exportedAt?: string
}

type Json = Record<string, unknown>

/** The collection as a plain object, ready for JSON.stringify. */
export function webAnnotationCollection(
  items: ExportItem[],
  opts: WebAnnotationOptions = {},
): Json {
  const head = collectionHead(opts)
  const annotations = items.flatMap(itemAnnotations)
  const { first, ...rest } = head
  return {
    ...rest,
    total: annotations.length,
    first: { ...(first as Json), items: annotations },
  }
}

/** The collection without its items and total (the writer streams those). */
export function collectionHead(opts: WebAnnotationOptions = {}): Json {
  const exportedAt = opts.exportedAt ?? new Date().toISOString()
  const id = opts.id ?? `urn:quire:export:${exportedAt.replace(/[^0-9TZ]/g, '')}`
  return {
    '@context': ANNO_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: opts.label ?? 'Quire highlights',
    first: { id: `${id}#page1`, type: 'AnnotationPage', startIndex: 0 },
  }
}

/** Every annotation of one article, in reading order; a book's bookmarks after them. */
export function itemAnnotations(item: ExportItem): Json[] {
  const text = htmlToText(item.body)
  const counter = codePointCounter(text)
  const highlights = highlightsInOrder(item).map((h) =>
    webAnnotation(
      item.article,
      h.annotation,
      h.orphaned ? null : { start: counter(h.start), end: counter(h.end) },
    ),
  )
  const bookmarks = (item.article.bookmarks ?? []).map((b) => bookmarkAnnotation(item.article, b))
  return [...highlights, ...bookmarks]
}

/**
 * One annotation; `@context` repeated so each item stands alone when split out. `position` is
 * in code points; null for an orphan (its text is not in the article now, so only the quote).
 */
export function webAnnotation(
  article: Article,
  ann: Annotation,
  position: { start: number; end: number } | null,
): Json {
  const body: Json[] = []
  const language = article.language?.trim()
  if (ann.note.trim()) {
    body.push({
      type: 'TextualBody',
      value: ann.note,
      format: 'text/markdown',
      purpose: 'commenting',
      ...(language ? { language } : {}),
    })
  }
  for (const tag of ann.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' })
  const { quote } = ann.target
  const selector: Json[] = [
    { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
  ]
  if (position) selector.push({ type: 'TextPositionSelector', ...position })
  if (ann.target.location) selector.push(locationSelector(ann.target.location))
  return {
    '@context': ANNO_CONTEXT,
    id: encodeIri(quireLink(article.id, ann.id)),
    type: 'Annotation',
    motivation: ann.note.trim() ? 'commenting' : 'highlighting',
    created: ann.createdAt,
    modified: ann.updatedAt,
    ...(body.length ? { body: body.length === 1 ? body[0] : body } : {}),
    target: {
      type: 'SpecificResource',
      source: sourceOf(article),
      // The colour, as the model's styleClass; its CSS is in the annotation's stylesheet.
      styleClass: `${STYLE_CLASS_PREFIX}${ann.color}`,
      selector: selector.length === 1 ? selector[0] : selector,
    },
    stylesheet: {
      type: 'CssStylesheet',
      value: `.${STYLE_CLASS_PREFIX}${ann.color} { background-color: ${COLOURS[ann.color]}; }`,
    },
  }
}

/** A place marked in a book without a highlight: the model's `bookmarking` motivation. */
function bookmarkAnnotation(article: Article, mark: Bookmark): Json {
  const note = mark.note.trim()
  return {
    '@context': ANNO_CONTEXT,
    id: encodeIri(quireLink(article.id, mark.id)),
    type: 'Annotation',
    motivation: 'bookmarking',
    created: mark.createdAt,
    ...(note
      ? {
          body: {
            type: 'TextualBody',
            value: mark.note,
            format: 'text/markdown',
            purpose: 'commenting',
          },
        }
      : {}),
    target: {
      type: 'SpecificResource',
      source: sourceOf(article),
      selector: locationSelector(mark.location),
    },
  }
}

function locationSelector(loc: Location): Json {
  return {
    type: 'FragmentSelector',
    conformsTo: LOCATION_FRAGMENT_FORM,
    value: locationFragment(loc),
  }
}

/**
 * The annotated resource: the article's web address (canonical first) when it has one, else
 * its place in Quire; with its title (Dublin Core, a prefix the context defines) and language.
 * A book also says who wrote it and its identifiers: what finds it again in another archive.
 */
function sourceOf(article: Article): Json {
  const language = article.language?.trim()
  const book = isBook(article)
  const { isbn, asin } = article.identifiers ?? {}
  return {
    id: webAddress(article) ?? encodeIri(quireLink(article.id)),
    type: 'Text',
    // A book without its text has no HTML to point into.
    ...(book && article.origin.format === 'metadata' ? {} : { format: 'text/html' }),
    ...(language ? { language } : {}),
    'dcterms:title': article.title,
    ...(book && article.authors.length ? { 'dcterms:creator': article.authors } : {}),
    ...(book && isbn ? { 'schema:isbn': isbn } : {}),
    ...(book && asin
      ? {
          'schema:identifier': {
            type: 'schema:PropertyValue',
            'schema:propertyID': 'ASIN',
            'schema:value': asin,
          },
        }
      : {}),
  }
}

/** UTF-16 offset -> code point offset over `text`, in one pass for increasing offsets. */
export function codePointCounter(text: string): (utf16: number) => number {
  let at = 0
  let points = 0
  return (utf16) => {
    if (utf16 < at) {
      at = 0
      points = 0
    }
    while (at < utf16 && at < text.length) {
      const cp = text.codePointAt(at)!
      at += cp > 0xffff ? 2 : 1
      points++
    }
    return points
  }
}

/** Code point offset -> UTF-16 offset over `text` (for import). */
export function utf16Offset(text: string, points: number): number {
  let at = 0
  for (let n = 0; n < points && at < text.length; n++) {
    at += text.codePointAt(at)! > 0xffff ? 2 : 1
  }
  return at
}
