// An import that is already in the archive: nothing is lost, what the new copy carries
// (tags, highlights, a star, the archived state) is added to the article already there.
import type { Article, ImportResult } from '../../../shared/model.ts'
import { htmlToText } from '../../../shared/html-text.ts'
import type { Catalog } from '../store/catalog.ts'
import type { ContentStore } from '../store/content-store.ts'
import { cleanTags } from './clean-tags.ts'
import { importedAnnotations } from './imported-highlights.ts'
import type { ArticleMeta } from './store-article.ts'

export async function mergeDuplicate(
  catalog: Catalog,
  content: ContentStore,
  existingId: string,
  meta: ArticleMeta,
  batchTags: string[],
  now: string,
): Promise<ImportResult> {
  const article = catalog.get(existingId)
  // Its first copy in this batch failed to save (a full disk): this one fails the same way.
  if (!article) throw new Error('the first copy of this article in the import could not be saved')
  const entry = meta.entry
  const tags = cleanTags([...article.tags, ...batchTags, ...(entry?.tags ?? [])])
  const added = entry?.highlights.length
    ? importedAnnotations(
        htmlToText((await content.read(existingId)) ?? ''),
        entry.highlights,
        now,
        article.annotations,
      )
    : []
  const next: Article = {
    ...article,
    tags,
    annotations: [...article.annotations, ...added],
    favorite: article.favorite || entry?.favorite === true,
    archivedAt: article.archivedAt ?? (entry?.archived ? now : null),
  }
  const changes: string[] = []
  const newTags = tags.length - article.tags.length
  if (newTags > 0) changes.push(`${newTags} tag${newTags === 1 ? '' : 's'}`)
  if (added.length) changes.push(`${added.length} highlight${added.length === 1 ? '' : 's'}`)
  if (next.favorite !== article.favorite) changes.push('a star')
  if (next.archivedAt !== article.archivedAt) changes.push('the archived state')
  if (changes.length) catalog.put({ ...next, updatedAt: now })
  return {
    status: 'duplicate',
    source: meta.source,
    id: existingId,
    title: article.title,
    ...(changes.length ? { merged: `added ${changes.join(', ')} to the copy already here` } : {}),
  }
}
