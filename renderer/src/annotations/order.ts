// The sidebar's order: highlights as they come in the text, then the orphaned ones apart.
import type { AnnotationAnchor } from '../../../shared/api.ts'
import type { Annotation } from '../../../shared/model.ts'

/** Anchored annotations by where they start in the text, and the orphaned ones. */
export function orderAnnotations(
  annotations: readonly Annotation[],
  anchors: readonly AnnotationAnchor[],
): { placed: Annotation[]; orphaned: Annotation[] } {
  const starts = new Map<string, number>()
  for (const a of anchors) {
    if (a.status !== 'orphaned' && a.start !== undefined) starts.set(a.id, a.start)
  }
  const placed = annotations.filter((a) => starts.has(a.id))
  placed.sort((x, y) => (starts.get(x.id) ?? 0) - (starts.get(y.id) ?? 0))
  return { placed, orphaned: annotations.filter((a) => !starts.has(a.id)) }
}
