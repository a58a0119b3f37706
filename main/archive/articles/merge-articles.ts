// Merging copies of one article that are already in the archive: the first (the one kept)
// gains the union of the others' tags, notes and highlights, and the others go to the trash,
// from where the user can still bring them back.
import { htmlToText } from '../../../shared/html-text.ts'
import type { Article } from '../../../shared/model.ts'
import { importedAnnotations } from '../import/imported-highlights.ts'

export interface MergeSource {
  article: Article
  body: string
}

/** The kept article with everything the copies carry; `copies` are marked trashed. */
export function mergedArticles(
  keep: MergeSource,
  copies: MergeSource[],
  now: string,
): { kept: Article; trashed: Article[] } {
  const text = htmlToText(keep.body)
  let kept = keep.article
  for (const { article: copy } of copies) {
    // Highlights are re-anchored in the kept text by their quotes, as imports are.
    const added = importedAnnotations(
      text,
      copy.annotations.map((a) => ({
        quote: a.target.quote.exact,
        prefix: a.target.quote.prefix,
        suffix: a.target.quote.suffix,
        note: a.note,
        color: a.color,
        tags: a.tags,
        createdAt: a.createdAt,
      })),
      now,
      kept.annotations,
    )
    const notes = [kept.note, copy.note].map((n) => n.trim()).filter(Boolean)
    kept = {
      ...kept,
      tags: [...new Set([...kept.tags, ...copy.tags])],
      annotations: [...kept.annotations, ...added],
      note: [...new Set(notes)].join('\n\n'),
      favorite: kept.favorite || copy.favorite,
      url: kept.url ?? copy.url,
      ...(kept.canonicalUrl || copy.canonicalUrl
        ? { canonicalUrl: kept.canonicalUrl ?? copy.canonicalUrl }
        : {}),
      progress: Math.max(kept.progress, copy.progress),
      status:
        kept.status === 'read' || copy.status === 'read'
          ? 'read'
          : kept.status === 'reading' || copy.status === 'reading'
            ? 'reading'
            : 'unread',
      updatedAt: now,
    }
  }
  const trashed = copies.map(({ article }) => ({ ...article, deletedAt: now, updatedAt: now }))
  return { kept, trashed }
}
