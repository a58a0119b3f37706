// Highlights and notes on one article: building, editing and re-anchoring annotations over the
// body's normalised text (htmlToText). Pure; the service stores what these return.
import type { AnnotationAnchor, AnnotationChange, NewAnnotation } from '../../../shared/api.ts'
import { anchor, describe } from '../../../shared/anchoring/index.ts'
import { QuireError } from '../../../shared/errors.ts'
import type { Annotation, Article } from '../../../shared/model.ts'

/**
 * The annotation for `text.slice(start, end)`, with selectors that find it again after edits.
 * Throws INVALID_INPUT unless 0 ≤ start < end ≤ text.length.
 */
export function newAnnotation(
  text: string,
  input: NewAnnotation,
  id: string,
  now: string,
): Annotation {
  const { start, end } = input
  if (!(0 <= start && start < end && end <= text.length)) {
    throw new QuireError(
      'INVALID_INPUT',
      `The range ${start}–${end} is not a selection of this article's text (0–${text.length}).`,
      { start, end, length: text.length },
    )
  }
  return {
    id,
    createdAt: now,
    updatedAt: now,
    color: input.color,
    note: input.note ?? '',
    tags: [...new Set(input.tags ?? [])],
    target: describe(text, start, end),
    orphaned: false,
  }
}

export function editedAnnotation(a: Annotation, change: AnnotationChange, now: string): Annotation {
  const next: Annotation = { ...a, updatedAt: now }
  if (change.color !== undefined) next.color = change.color
  if (change.note !== undefined) next.note = change.note
  if (change.tags !== undefined) next.tags = [...new Set(change.tags)]
  return next
}

/** The article with `annotation` in place of the one with its id, or appended. */
export function withAnnotation(article: Article, annotation: Annotation, now: string): Article {
  const at = article.annotations.findIndex((a) => a.id === annotation.id)
  const annotations =
    at === -1
      ? [...article.annotations, annotation]
      : article.annotations.map((a, i) => (i === at ? annotation : a))
  return { ...article, annotations, updatedAt: now }
}

/**
 * Where each annotation lands in the current text. Computed on read and never written back,
 * so an edited body does not rewrite the selectors a later, better match may still need.
 */
export function anchorAll(text: string, annotations: Annotation[]): AnnotationAnchor[] {
  return annotations.map((a) => {
    const found = anchor(text, a.target)
    return found.status === 'orphaned'
      ? { id: a.id, status: 'orphaned' }
      : { id: a.id, status: found.status, start: found.start, end: found.end }
  })
}
