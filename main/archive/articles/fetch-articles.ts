// Link records whose text is fetched later, and pages fetched again: the earlier body is
// kept as a version and every annotation is carried onto the new text (articles/article-versions).
import type { ImportReport, ImportResult } from '../../../shared/model.ts'
import { bodyHtml, contentHash } from '../import/build-record.ts'
import { ImportFailure, type ExtractedArticle } from '../import/extracted.ts'
import type { ImportCore, ImportOptions } from '../import/import-core.ts'
import type { ImageSource } from '../import/pipeline.ts'
import { importReport as report } from '../import/import-report.ts'
import { describeFailure } from '../import/pipeline.ts'
import { localiseWithLead } from '../import/lead-image.ts'
import { mapLimit } from '../store/map-limit.ts'
import { replacedBody } from './article-versions.ts'

/** Pages fetched at once. */
const PAGE_FETCHES = 4

/**
 * Fetch the text of link records (or fetch pages again): the earlier body is kept as a
 * version and annotations are carried onto the new text. One result per article.
 */
export async function fetchArticles(
  core: ImportCore,
  ids: string[],
  opts: ImportOptions = {},
): Promise<ImportReport> {
  core.store.assertWritable()
  const net = core.requireNet()
  const articles = [...new Set(ids)].map((id) => core.require(id))
  const results: ImportResult[] = []
  let done = 0
  await mapLimit(articles, PAGE_FETCHES, async (a) => {
    const source = a.url ?? a.title
    if (opts.signal?.aborted) {
      results.push({ status: 'skipped', source, reason: 'cancelled' })
      return
    }
    try {
      if (!a.url) throw new ImportFailure('INVALID_INPUT', 'the article has no web address')
      // An address the person typed (origin 'url') may be on their network, as when it was
      // typed; addresses from feeds and other apps' exports follow the setting.
      const allowPrivate = a.origin.kind === 'url' || core.allowLocalNetwork()
      const extracted = await net.fetchArticle(a.url, { allowPrivate })
      if (!extracted) throw new ImportFailure('EMPTY', 'the page has no article text')
      await core.write(() => replaceBody(core, a.id, extracted, { remote: { allowPrivate } }))
      results.push({ status: 'imported', source, id: a.id, title: core.require(a.id).title })
    } catch (err) {
      results.push({ status: 'failed', source, error: describeFailure(err) })
    }
    opts.onProgress?.({ done: ++done, total: articles.length, current: source })
  })
  return report(results)
}

/**
 * Replaces an article's body with a newly extracted one, keeping the old body as a version
 * and carrying the annotations over. Call inside core.write().
 */
export async function replaceBody(
  core: ImportCore,
  id: string,
  extracted: ExtractedArticle,
  images: ImageSource,
): Promise<void> {
  const article = core.require(id)
  const old = (await core.store.content.read(id)) ?? ''
  const localise = core.online().localiseImages
  const raw = extracted.bodyHtml ?? bodyHtml(extracted.paragraphs)
  // The page's lead image is stored with its body (never kept as a remote address).
  const local = localise
    ? await localiseWithLead(raw, extracted.images ?? [], extracted.leadImage, localise, images)
    : { body: raw }
  const html = local.body
  const hash = contentHash(extracted)
  const now = new Date().toISOString()
  const fresh = { ...extracted, leadImage: local.leadImage }
  const next = replacedBody(article, old, { extracted: fresh, html, hash, now })
  // The old body is safe on disk before the new one replaces it.
  if (next.keepAs) await core.store.content.writeVersion(id, next.keepAs, old)
  await core.store.content.write(id, html)
  core.dedupe().claim(id, { hash, urls: [extracted.url, extracted.canonicalUrl] })
  await core.save(next.article)
}
