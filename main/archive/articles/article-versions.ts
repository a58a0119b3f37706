// A new body for an article already in the archive (a link fetched, a page fetched again):
// the earlier body is kept as a version, and every annotation is carried onto the new text
// by the same re-anchoring the reader uses, or marked orphaned with its quote and note.
import { anchor, describe } from '../../../shared/anchoring/index.ts'
import { htmlToText } from '../../../shared/html-text.ts'
import type { Annotation, Article } from '../../../shared/model.ts'
import type { ExtractedArticle } from '../import/extracted.ts'
import { buildRecord } from '../import/build-record.ts'

export interface NewBody {
  extracted: ExtractedArticle
  html: string
  hash: string
  now: string
}

export interface Replaced {
  article: Article
  /** The version number the old body is to be kept under, or null (it was empty). */
  keepAs: number | null
}

export function replacedBody(article: Article, oldBody: string, body: NewBody): Replaced {
  const text = htmlToText(body.html)
  const fresh = buildRecord(body.extracted, {
    id: article.id,
    hash: body.hash,
    now: body.now,
    origin: { ...article.origin, format: body.extracted.format },
    tags: article.tags,
  })
  const versions = article.versions ?? []
  const keepAs = oldBody.trim() ? versions.length + 1 : null
  const wasLink = article.origin.format === 'link'
  const next: Article = {
    ...fresh,
    // What the user set stays: a title they edited, tags, state, notes.
    title: wasLink && article.title === article.url ? fresh.title : article.title,
    importedAt: article.importedAt,
    status: article.status,
    progress: article.progress,
    favorite: article.favorite,
    archivedAt: article.archivedAt,
    deletedAt: article.deletedAt,
    note: article.note,
    ...(article.url ? { url: article.url } : {}),
    annotations: article.annotations.map((a) => carried(a, text, body.now)),
    ...(keepAs
      ? {
          versions: [
            ...versions,
            {
              n: keepAs,
              replacedAt: body.now,
              title: article.title,
              wordCount: article.wordCount,
            },
          ],
        }
      : versions.length
        ? { versions }
        : {}),
  }
  return { article: next, keepAs }
}

function carried(a: Annotation, text: string, now: string): Annotation {
  const found = anchor(text, a.target)
  if (found.status === 'orphaned') return a.orphaned ? a : { ...a, orphaned: true, updatedAt: now }
  return { ...a, target: describe(text, found.start, found.end), orphaned: false, updatedAt: now }
}
