// The network as imports need it (FeedNet: feeds and pages) and the real one behind it: pages
// and feeds fetched through main/archive/net (deadlines, size caps, the private-address guard),
// pages read by the HTML importer, images stored in assets/. Tests replace these with fakes
// (ArchiveService.configure).
import { loadLinkedom } from './html/linkedom-runtime.ts'
import type { ImageSource, PipelineContext } from './pipeline-context.ts'
import type { ExtractedArticle, ImageRef } from './extracted.ts'
import type { ParsedFeed } from './feeds/parse-feed.ts'
import type { AssetStore } from '../store/asset-store.ts'

// The network client (undici), the feed parser and the extractor load when first used: an
// archive opened to list or search never parses them (the CLI's start time).
const feeds = () => import('./feeds/refresh-feed.ts')
const extract = () => import('./html/extract-html.ts')
const images = () => import('./html/localise-images.ts')
const net = async () => ({
  ...(await import('../net/fetch-image.ts')),
  ...(await import('../net/fetch-page.ts')),
  ...(await import('../net/fetch-resource.ts')),
})

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
  fetchFeed: async (sub, { allowPrivate }) =>
    (await feeds()).refreshFeed(sub, { fetch: (await net()).fetchResource }, { allowPrivate }),
  async fetchArticle(url, { allowPrivate }) {
    const page = await (await net()).fetchPage(url, { allowPrivate })
    await loadLinkedom()
    return (await extract()).extractHtml(page.bytes, {
      url: page.finalUrl,
      ...(page.charset ? { headerCharset: page.charset } : {}),
    })
  },
}

/** Stores a body's images in `assets`, reading them next to the file or from the web. */
export function assetLocaliser(assets: AssetStore): NonNullable<PipelineContext['localiseImages']> {
  return async (body: string, refs: ImageRef[], from: ImageSource) => {
    const { remote, captured } = from
    const { fetchImage } = await net()
    const result = await (
      await images()
    ).localiseImages(body, refs, {
      storeAsset: (bytes, mime) => assets.put(bytes, mime),
      ...(from.readSibling ? { readLocal: from.readSibling } : {}),
      ...(captured
        ? { fetchRemote: async (url: string) => fetchCaptured(captured, url) }
        : remote
          ? { fetchRemote: (url: string) => fetchImage(url, { allowPrivate: remote.allowPrivate }) }
          : {}),
    })
    return result.bodyHtml
  }
}

/** A captured image by the address the body names (the page's own, before any redirect). */
function fetchCaptured(
  captured: ReadonlyMap<string, Uint8Array>,
  url: string,
): { bytes: Uint8Array } | null {
  const bytes = captured.get(url)
  return bytes ? { bytes } : null
}
