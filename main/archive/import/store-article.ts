// The last steps of the pipeline for one article: dedupe, body (with its images stored as
// assets), record, committed (one journal append, shared with the items committing at the
// same moment) before the item is reported.
import type { Article, ImportResult } from '../../../shared/model.ts'
import { htmlToText } from '../../../shared/html-text.ts'
import { bodyHtml, buildRecord, carriedState, contentHash, newArticleId } from './build-record.ts'
import type { ExtractedArticle, ImportEntry } from './extracted.ts'
import { importedAnnotations } from './imported-highlights.ts'
import { localiseWithLead } from './lead-image.ts'
import { cleanTags } from './clean-tags.ts'
import { itemOf } from './dedupe-index.ts'
import type { ImportContext } from './importer.ts'
import { beginStoring, mergeWhenStored, type PipelineContext } from './pipeline-context.ts'

export interface ArticleMeta {
  /** The item as the user knows it in the report. */
  source: string
  origin: Article['origin']
  /** From the other app's export; the batch's own tags are added by the pipeline. */
  entry?: Omit<ImportEntry, 'source' | 'article'>
  importContext?: ImportContext
  /** Set for pages fetched from the web: their images are downloaded. */
  remoteImages?: { allowPrivate: boolean }
  /** Set for pages captured by the browser extension: their images came with them. */
  capturedImages?: ReadonlyMap<string, Uint8Array>
}

export async function storeArticle(
  extracted: ExtractedArticle,
  meta: ArticleMeta,
  ctx: PipelineContext,
): Promise<ImportResult> {
  const hash = contentHash(extracted)
  const keys = {
    hash,
    urls: [extracted.canonicalUrl, extracted.url, meta.entry?.url],
    ...itemOf(meta.origin),
  }
  const existing = ctx.dedupe.find(keys)
  if (existing) return mergeWhenStored(ctx, existing, meta)
  const id = newArticleId()
  // Claimed before the first await, so a twin later in the same batch is a duplicate.
  ctx.dedupe.claim(id, keys)
  const stored = beginStoring(ctx, id)
  try {
    return await storeNew(extracted, meta, ctx, id, hash)
  } finally {
    stored()
  }
}

/** The body with its images (and the lead image) stored in assets/, when the archive can. */
async function localBody(
  extracted: ExtractedArticle,
  meta: ArticleMeta,
  ctx: PipelineContext,
): Promise<{ body: string; leadImage?: string | undefined }> {
  const body = extracted.bodyHtml ?? bodyHtml(extracted.paragraphs)
  if (!ctx.localiseImages) return { body }
  const from = {
    ...(meta.importContext?.readSibling ? { readSibling: meta.importContext.readSibling } : {}),
    ...(meta.remoteImages ? { remote: meta.remoteImages } : {}),
    ...(meta.capturedImages ? { captured: meta.capturedImages } : {}),
  }
  return localiseWithLead(
    body,
    extracted.images ?? [],
    extracted.leadImage,
    ctx.localiseImages,
    from,
  )
}

async function storeNew(
  extracted: ExtractedArticle,
  meta: ArticleMeta,
  ctx: PipelineContext,
  id: string,
  hash: string,
): Promise<ImportResult> {
  let body: string
  try {
    const local = await localBody(extracted, meta, ctx)
    body = local.body
    // Only a stored picture is kept as the lead image: the list never loads one from the web.
    extracted = { ...extracted, leadImage: local.leadImage }
    await ctx.content.write(id, body)
  } catch (err) {
    ctx.dedupe.forget(new Set([id]))
    throw err
  }
  const now = ctx.now()
  const entry = meta.entry
  const annotations = entry?.highlights.length
    ? importedAnnotations(htmlToText(body), entry.highlights, now)
    : []
  const record = buildRecord(extracted, {
    id,
    hash,
    now,
    origin: meta.origin,
    tags: cleanTags([...ctx.tags, ...(extracted.tags ?? []), ...(entry?.tags ?? [])]),
    annotations,
    ...carriedState(entry),
  })
  ctx.catalog.put(record)
  // Committed before it is reported: an article reported imported survives a kill.
  await ctx.catalog.flush()
  return { status: 'imported', source: meta.source, id, title: record.title }
}
