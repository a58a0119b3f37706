// What every export format takes: one article, its stored body and where its annotations land.
import type { AnnotationAnchor } from '../../../shared/api.ts'
import { compareLocations } from '../../../shared/book.ts'
import type { Annotation, Article } from '../../../shared/model.ts'

/** The shape of ArchiveService.get(id), so an export can be fed straight from the service. */
export interface ExportItem {
  article: Article
  /** The sanitised body HTML (content/<id>.html). */
  body: string
  /** One per annotation, in the article's order; orphans have no start/end. */
  anchors: AnnotationAnchor[]
}

/** The link back into Quire for an article or one of its highlights. */
export function quireLink(articleId: string, annotationId?: string): string {
  return `quire://article/${articleId}${annotationId ? `#${annotationId}` : ''}`
}

/**
 * An article's highlights in reading order: by where they land now, orphans last (by their
 * stored position), so every format lists them the same way.
 */
export function highlightsInOrder(
  item: ExportItem,
): { annotation: Annotation; start: number; end: number; orphaned: boolean }[] {
  const byId = new Map(item.anchors.map((a) => [a.id, a]))
  return item.article.annotations
    .map((annotation) => {
      const anchor = byId.get(annotation.id)
      const placed = anchor && anchor.start !== undefined && anchor.end !== undefined
      return {
        annotation,
        start: placed ? anchor.start! : annotation.target.position.start,
        end: placed ? anchor.end! : annotation.target.position.end,
        orphaned: !placed,
      }
    })
    .sort(
      (a, b) =>
        Number(a.orphaned) - Number(b.orphaned) ||
        a.start - b.start ||
        a.end - b.end ||
        // A book's highlights have no text to sit in: they go in the order of their places.
        compareLocations(a.annotation.target.location, b.annotation.target.location),
    )
}

/** YYYY-MM-DD of an ISO date, or '' when absent or not a date. */
export function isoDay(value: string | undefined): string {
  if (!value) return ''
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(value)
  return m ? m[1]! : ''
}
