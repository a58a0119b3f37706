// Articles as archive operations: the library list, one article with its body, edits one at a
// time or in bulk, merging copies, the trash, and earlier versions of a body.
import type { z } from 'zod'
import type {
  ArticlePage,
  ArticlePatch,
  ArticleWithBody,
  BulkChange,
  ListQuerySchema,
} from '../../../shared/api.ts'
import { QuireError } from '../../../shared/errors.ts'
import { htmlToText } from '../../../shared/html-text.ts'
import type { Article } from '../../../shared/model.ts'
import { anchorAll } from '../annotations/annotation-edits.ts'
import type { ArchiveCore } from '../core/archive-core.ts'
import type { ImportCore } from '../import/import-core.ts'
import type { ArchiveSearch } from '../search/archive-search.ts'
import { listFromIndex } from '../search/search-operations.ts'
import { assetRefs, requestFullAssetSweep } from '../store/sweep.ts'
import { mayBeClaimedElsewhere } from '../store/sync/sync-status.ts'
import { applyBulk, patchedArticle } from './article-patch.ts'
import { listArticles } from './list-articles.ts'
import { mergedArticles } from './merge-articles.ts'

/**
 * A page of the library. Served by the search index once it is in step with the catalog;
 * until then (and for the substring `text` filter) by a scan of the in-memory catalog.
 */
export async function list(
  core: ArchiveCore,
  index: ArchiveSearch | null,
  query: z.output<typeof ListQuerySchema>,
): Promise<ArticlePage> {
  if (index?.status.state !== 'ready' || query.text) {
    return listArticles(core.store.catalog.all(), query)
  }
  return listFromIndex(core, index, query)
}

/** The record, its body, and where each annotation lands in the body as it is now. */
export async function get(core: ArchiveCore, id: string): Promise<ArticleWithBody> {
  const article = core.require(id)
  const { html, text } = await core.bodyAndText(article)
  return { article, body: html, anchors: anchorAll(text, article.annotations) }
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

export async function update(core: ArchiveCore, id: string, patch: ArticlePatch): Promise<Article> {
  return core.write(async () => {
    const next = patchedArticle(core.require(id), patch, new Date().toISOString())
    await core.save(next)
    return next
  })
}

/** One change to many articles: one catalog flush, one message to the index. */
export async function bulkUpdate(
  core: ArchiveCore,
  ids: string[],
  change: BulkChange,
): Promise<{ count: number }> {
  return core.write(async () => {
    const articles = [...new Set(ids)].map((id) => core.require(id))
    return core.rewrite(articles, (a, now) => applyBulk(a, change, now))
  })
}

/**
 * Merge copies of one article: the first id is kept with the union of everyone's tags,
 * notes and highlights; the others go to the trash (restorable).
 */
export async function mergeArticles(core: ArchiveCore, ids: string[]): Promise<Article> {
  return core.write(async () => {
    const unique = [...new Set(ids)]
    if (unique.length < 2)
      throw new QuireError('INVALID_INPUT', 'Pick at least two articles to merge.')
    const sources = await Promise.all(
      unique.map(async (id) => {
        const article = core.require(id)
        return { article, body: (await core.store.content.read(id)) ?? '' }
      }),
    )
    const [keep, ...copies] = sources
    const { kept, trashed } = mergedArticles(keep!, copies, new Date().toISOString())
    await core.rewrite([kept, ...trashed], (a) => a)
    return kept
  })
}

/** Move articles to the trash (deleted) or out of it; they stay on disk until emptied. */
export async function setDeleted(
  core: ArchiveCore,
  ids: string[],
  deleted: boolean,
): Promise<{ count: number }> {
  return core.write(async () => {
    const now = new Date().toISOString()
    const changed: Article[] = []
    for (const id of new Set(ids)) {
      const a = core.require(id)
      if ((a.deletedAt !== null) === deleted) continue
      const next = { ...a, deletedAt: deleted ? now : null, updatedAt: now }
      core.store.catalog.put(next)
      changed.push(next)
    }
    await core.store.catalog.flush()
    core.indexChanged(changed)
    return { count: changed.length }
  })
}

/**
 * Remove trashed articles, their bodies, versions and the images nothing else uses, for
 * good (on an archive shared with another device the files wait in swept/ for 30 days, in
 * case the other device's later edit brings a record back). The records go in one commit; a kill before the files are gone leaves them to the
 * sweep at the next open (asked for first, so their images go too).
 */
export async function emptyTrash(core: ImportCore): Promise<{ count: number }> {
  return core.write(async () => {
    const { catalog, content, layout, manifest } = core.store
    // Shared with another device: bodies and images wait in swept/ (see swept-files.ts).
    const aside = mayBeClaimedElsewhere(layout.root, manifest.data.devices)
    const trashed = [...catalog.all()].filter((a) => a.deletedAt !== null)
    if (!trashed.length) return { count: 0 }
    // Asked for first: a kill before the files are gone leaves them (and the images only
    // they used) to the sweep at the next open.
    await requestFullAssetSweep(core.store.layout)
    for (const a of trashed) catalog.remove(a.id)
    await catalog.flush()
    core.forgetDuplicates(new Set(trashed.map((a) => a.id)))
    core.indexChanged(
      [],
      trashed.map((a) => a.id),
    )
    // Their images are judged at once (others wait out the sweep's grace period: sweep.ts).
    const released = new Set<string>()
    for (const a of trashed) {
      for (const name of assetRefs(a.leadImage ?? '')) released.add(name)
      for (const n of [0, ...(a.versions ?? []).map((v) => v.n)]) {
        const html = n ? await content.readVersion(a.id, n) : await content.read(a.id)
        for (const name of assetRefs(html ?? '')) released.add(name)
      }
    }
    await Promise.all(
      trashed.map((a) =>
        aside
          ? content.setAside(a.id, a.versions?.length ?? 0)
          : content.remove(a.id, a.versions?.length ?? 0),
      ),
    )
    // Inside the write queue nothing is being written: every file is judged, now.
    await core.store.sweep(Date.now(), aside ? new Set() : released)
    return { count: trashed.length }
  })
}

/** The sources in the archive outside the trash, most articles first (then by name). */
export async function sources(core: ArchiveCore): Promise<{ name: string; count: number }[]> {
  const counts = new Map<string, number>()
  for (const a of core.store.catalog.all())
    if (a.source && !a.deletedAt) counts.set(a.source, (counts.get(a.source) ?? 0) + 1)
  return [...counts]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
    .slice(0, 2000)
}
