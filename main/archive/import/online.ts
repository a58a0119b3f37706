// The network as imports need it (FeedNet: feeds and pages) and the real one behind it: pages
// and feeds fetched through main/archive/net (deadlines, size caps, the private-address guard),
// pages read by the HTML importer, images stored in assets/. Tests replace these with fakes
// (ArchiveService.configure).
import { refreshFeed } from './feeds/refresh-feed.ts'
import { extractHtml } from './html/extract-html.ts'
import { localiseImages } from './html/localise-images.ts'
import { loadLinkedom } from './html/linkedom-runtime.ts'
import type { ImageSource, PipelineContext } from './pipeline-context.ts'
import type { ExtractedArticle, ImageRef } from './extracted.ts'
import type { ParsedFeed } from './feeds/parse-feed.ts'
import { fetchImage } from '../net/fetch-image.ts'
import { fetchPage } from '../net/fetch-page.ts'
import { fetchResource } from '../net/fetch-resource.ts'
import type { AssetStore } from '../store/asset-store.ts'

/** What a refresh got from the network. */
export type FeedFetch =
  | { status: 'not-modified' }
  | { status: 'ok'; feed: ParsedFeed; finalUrl: string; etag?: string; lastModified?: string }

/** The network as feeds need it; the real one is webNet below, tests bring their own. */
export interface FeedNet {
  fetchFeed(
    sub: { url: string; etag?: string; lastModified?: string },
    opts: { allowPrivate: boolean },
  ): Promise<FeedFetch>
  /** The article at `url`, read like a saved page, or null when it cannot be had. */
  fetchArticle(url: string, opts: { allowPrivate: boolean }): Promise<ExtractedArticle | null>
}

export const webNet: FeedNet = {
  fetchFeed: (sub, { allowPrivate }) =>
    refreshFeed(sub, { fetch: fetchResource }, { allowPrivate }),
  async fetchArticle(url, { allowPrivate }) {
    const page = await fetchPage(url, { allowPrivate })
    await loadLinkedom()
    return extractHtml(page.bytes, {
      url: page.finalUrl,
      ...(page.charset ? { headerCharset: page.charset } : {}),
    })
  },
}

/** Stores a body's images in `assets`, reading them next to the file or from the web. */
export function assetLocaliser(assets: AssetStore): NonNullable<PipelineContext['localiseImages']> {
  return async (body: string, images: ImageRef[], from: ImageSource) => {
    const remote = from.remote
    const result = await localiseImages(body, images, {
      storeAsset: (bytes, mime) => assets.put(bytes, mime),
      ...(from.readSibling ? { readLocal: from.readSibling } : {}),
      ...(remote
        ? { fetchRemote: (url: string) => fetchImage(url, { allowPrivate: remote.allowPrivate }) }
        : {}),
    })
    return result.bodyHtml
  }
}
