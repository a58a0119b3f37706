// Web pages into the archive: pages by address (the user typed them), link records whose
// text is fetched later, pages fetched again with the earlier body kept as a version.
import type { ArticleWithBody } from '../../shared/api.ts'
import { QuireError } from '../../shared/errors.ts'
import { htmlToText } from '../../shared/html-text.ts'
import type { ImportReport, ImportResult } from '../../shared/model.ts'
import { anchorAll } from './annotations.ts'
import { importReport as report, type ArchiveCore, type ImportOptions } from './archive-core.ts'
import { replacedBody } from './article-versions.ts'
import { bodyHtml, contentHash } from './import/build-record.ts'
import { ImportFailure, type ExtractedArticle } from './import/extracted.ts'
import { describeFailure } from './import/pipeline.ts'
import { storeArticle } from './import/store-article.ts'
import { keepAsLink } from './import/keep-link.ts'
import { localiseWithLead } from './import/lead-image.ts'
import { isUnreachable } from './net/unreachable.ts'
import { mapLimit } from './store/map-limit.ts'

/** Pages fetched at once for URL imports and link records. */
const PAGE_FETCHES = 4

/**
 * Import web pages by address (the user typed or pasted them: local addresses allowed). A page
 * that cannot be reached now (offline) is kept as a link record to fetch later.
 */
export async function importUrls(
  core: ArchiveCore,
  urls: string[],
  opts: ImportOptions = {},
): Promise<ImportReport> {
  core.store.assertWritable()
  const net = core.requireNet()
  const fetched: { url: string; article?: ExtractedArticle; error?: unknown }[] = []
  let done = 0
  await mapLimit([...new Set(urls)], PAGE_FETCHES, async (url) => {
    if (opts.signal?.aborted) return
    try {
      fetched.push({
        url,
        article: (await net.fetchArticle(url, { allowPrivate: true })) ?? undefined,
      })
    } catch (error) {
      fetched.push({ url, error })
    }
    opts.onProgress?.({ done: ++done, total: urls.length, current: url })
  })
  const results = await core.write(() =>
    core.importBatch(async (ctx) => {
      const out: ImportResult[] = []
      for (const f of fetched) {
        if (!f.article && isUnreachable(f.error)) {
          out.push(await keepAsLink(f.url, f.error.message, ctx))
          continue
        }
        if (!f.article) {
          const error = f.error
            ? describeFailure(f.error)
            : { code: 'EMPTY' as const, message: 'the page has no article text' }
          out.push({ status: 'failed', source: f.url, error })
          continue
        }
        const origin = { kind: 'url' as const, name: f.url, format: f.article.format }
        const extracted = { ...f.article, url: f.article.url ?? f.url }
        out.push(
          await storeArticle(
            extracted,
            { source: f.url, origin, remoteImages: { allowPrivate: true } },
            ctx,
          ),
        )
      }
      return out
    }, opts),
  )
  return report(results)
}

/**
 * Fetch the text of link records (or fetch pages again): the earlier body is kept as a
 * version and annotations are carried onto the new text. One result per article.
 */
export async function fetchArticles(
  core: ArchiveCore,
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
      await core.write(() => replaceBody(core, a.id, extracted, { allowPrivate }))
      results.push({ status: 'imported', source, id: a.id, title: core.require(a.id).title })
    } catch (err) {
      results.push({ status: 'failed', source, error: describeFailure(err) })
    }
    opts.onProgress?.({ done: ++done, total: articles.length, current: source })
  })
  return report(results)
}

/** An earlier body of an article (see fetchArticles), with the article as it is now. */
export async function getVersion(
  core: ArchiveCore,
  id: string,
  n: number,
): Promise<ArticleWithBody> {
  const article = core.require(id)
  const body = await core.store.content.readVersion(id, n)
  if (body === null) throw new QuireError('NOT_FOUND', `"${article.title}" has no version ${n}.`)
  return { article, body, anchors: anchorAll(htmlToText(body), article.annotations) }
}

async function replaceBody(
  core: ArchiveCore,
  id: string,
  extracted: ExtractedArticle,
  remote: { allowPrivate: boolean },
): Promise<void> {
  const article = core.require(id)
  const old = (await core.store.content.read(id)) ?? ''
  const localise = core.online().localiseImages
  const raw = extracted.bodyHtml ?? bodyHtml(extracted.paragraphs)
  // The page's lead image is stored with its body (never kept as a remote address).
  const local = localise
    ? await localiseWithLead(raw, extracted.images ?? [], extracted.leadImage, localise, { remote })
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
