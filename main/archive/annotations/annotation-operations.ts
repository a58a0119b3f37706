// Highlights and notes as archive operations: create, edit, delete and undo, the article
// note, the notebook, and the orphan repair (candidates, confirmed re-anchoring). Pure parts
// live in annotation-edits.ts, notebook.ts and orphan-repair.ts; these add the write queue and
// the store.
import type { z } from 'zod'
import type {
  AnnotationChange,
  NewAnnotation,
  NotebookPage,
  NotebookQuerySchema,
  RepairCandidate,
} from '../../../shared/api.ts'
import { snapToWords } from '../../../shared/anchoring/index.ts'
import { QuireError } from '../../../shared/errors.ts'
import type { Annotation, Article } from '../../../shared/model.ts'
import { editedAnnotation, newAnnotation, withAnnotation } from './annotation-edits.ts'
import type { ArchiveCore } from '../core/archive-core.ts'
import { listAnnotations } from './notebook.ts'
import { reanchored, repairCandidates } from './orphan-repair.ts'

// node:crypto loads when first used, not with the module: it costs a `quire list` ~10 ms.
const randomBytes = (size: number) => process.getBuiltinModule('node:crypto').randomBytes(size)

/**
 * Highlight a range of the body's normalised text, widened to whole words (whatever client
 * asked: the stored quote never ends inside a word). Throws INVALID_INPUT for a bad range.
 */
export async function createAnnotation(
  core: ArchiveCore,
  input: NewAnnotation,
): Promise<Annotation> {
  return core.write(async () => {
    const article = core.require(input.articleId)
    const text = await core.bodyText(article)
    const now = new Date().toISOString()
    const words = snapToWords(text, input.start, input.end, article.language)
    const annotation = newAnnotation(
      text,
      { ...input, ...words },
      randomBytes(8).toString('hex'),
      now,
    )
    await core.save(withAnnotation(article, annotation, now))
    return annotation
  })
}

export async function updateAnnotation(
  core: ArchiveCore,
  articleId: string,
  id: string,
  change: AnnotationChange,
): Promise<Annotation> {
  return core.write(async () => {
    const article = core.require(articleId)
    const current = article.annotations.find((a) => a.id === id)
    if (!current) throw new QuireError('NOT_FOUND', `No annotation with id ${id} on this article.`)
    const now = new Date().toISOString()
    const next = editedAnnotation(current, change, now)
    await core.save(withAnnotation(article, next, now))
    return next
  })
}

export async function deleteAnnotation(
  core: ArchiveCore,
  articleId: string,
  id: string,
): Promise<{ count: number }> {
  return core.write(async () => {
    const article = core.require(articleId)
    const annotations = article.annotations.filter((a) => a.id !== id)
    if (annotations.length === article.annotations.length) return { count: 0 }
    await core.save({ ...article, annotations, updatedAt: new Date().toISOString() })
    return { count: 1 }
  })
}

/** Undo of a delete: puts the annotation back as it was, same id, replacing any copy. */
export async function restoreAnnotation(
  core: ArchiveCore,
  articleId: string,
  annotation: Annotation,
): Promise<Annotation> {
  return core.write(async () => {
    const article = core.require(articleId)
    await core.save(withAnnotation(article, annotation, new Date().toISOString()))
    return annotation
  })
}

/** The note on the article as a whole (not on a highlight). */
export async function setNote(core: ArchiveCore, id: string, note: string): Promise<Article> {
  return core.write(async () => {
    const next = { ...core.require(id), note, updatedAt: new Date().toISOString() }
    await core.save(next)
    return next
  })
}

/** The best passage for each orphaned annotation of an article (annotations/orphan-repair.ts). */
export async function annotationCandidates(
  core: ArchiveCore,
  articleId: string,
): Promise<RepairCandidate[]> {
  const article = core.require(articleId)
  return repairCandidates(await core.bodyText(article), article.annotations)
}

/** A confirmed repair: the annotation anchored anew on `start`–`end` of the current text. */
export async function reanchorAnnotation(
  core: ArchiveCore,
  articleId: string,
  id: string,
  start: number,
  end: number,
) {
  return core.write(async () => {
    const article = core.require(articleId)
    const current = article.annotations.find((a) => a.id === id)
    if (!current) throw new QuireError('NOT_FOUND', `No annotation with id ${id} on this article.`)
    const now = new Date().toISOString()
    const next = reanchored(current, await core.bodyText(article), start, end, now)
    await core.save(withAnnotation(article, next, now))
    return next
  })
}

/** The notebook: every annotation, filtered, grouped by article (annotations/notebook.ts). */
export async function notebook(
  core: ArchiveCore,
  query: z.output<typeof NotebookQuerySchema>,
): Promise<NotebookPage> {
  return listAnnotations(core.store.catalog.all(), query)
}
