// W3C Web Annotation JSON-LD: an AnnotationCollection whose one page lists every highlight
// as an Annotation with TextQuoteSelector + TextPositionSelector targets.
import type { Annotation, Article } from '../../../shared/model.ts'
import type { ExportItem } from './export-item.ts'
import { highlightsInOrder, quireLink } from './export-item.ts'

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld'

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
  const exportedAt = opts.exportedAt ?? new Date().toISOString()
  const id = opts.id ?? `urn:quire:export:${exportedAt.replace(/[^0-9TZ]/g, '')}`
  const annotations = items.flatMap((item) =>
    highlightsInOrder(item).map((h) => webAnnotation(item.article, h.annotation)),
  )
  return {
    '@context': ANNO_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: opts.label ?? 'Quire highlights',
    total: annotations.length,
    first: { id: `${id}#page1`, type: 'AnnotationPage', startIndex: 0, items: annotations },
  }
}

/** One annotation; `@context` repeated so each item stands alone when split out. */
export function webAnnotation(article: Article, ann: Annotation): Json {
  const body: Json[] = []
  if (ann.note.trim()) {
    body.push({
      type: 'TextualBody',
      value: ann.note,
      format: 'text/markdown',
      purpose: 'commenting',
    })
  }
  for (const tag of ann.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' })
  const { quote, position } = ann.target
  return {
    '@context': ANNO_CONTEXT,
    id: quireLink(article.id, ann.id),
    type: 'Annotation',
    created: ann.createdAt,
    modified: ann.updatedAt,
    motivation: ann.note.trim() ? 'commenting' : 'highlighting',
    ...(body.length ? { body: body.length === 1 ? body[0] : body } : {}),
    target: {
      type: 'SpecificResource',
      source: isAbsoluteIri(article.url) ? article.url : quireLink(article.id),
      // The colour, as the model's styleClass (a CSS class for the highlight).
      styleClass: `quire-${ann.color}`,
      selector: [
        {
          type: 'TextQuoteSelector',
          exact: quote.exact,
          prefix: quote.prefix,
          suffix: quote.suffix,
        },
        { type: 'TextPositionSelector', start: position.start, end: position.end },
      ],
    },
  }
}

function isAbsoluteIri(url: string | undefined): url is string {
  if (!url) return false
  try {
    return /^https?:$/.test(new URL(url).protocol)
  } catch {
    return false
  }
}
