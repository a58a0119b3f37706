// A page captured by the browser extension, through the same steps as a saved page: the
// rendered HTML read by the HTML importer (Readability, metadata, DOMPurify), then stored by
// the pipeline's last step (dedupe, images into assets/, record, commit).
import type { ImportResult } from '../../../shared/model.ts'
import { contentHash } from './build-record.ts'
import type { ExtractedArticle, ImportedHighlight } from './extracted.ts'
import { extractHtml } from './html/extract-html.ts'
import { loadLinkedom } from './html/linkedom-runtime.ts'
import type { ImportCore } from './import-core.ts'
import { storeArticle } from './store-article.ts'

/** The captured page's article, read exactly as a saved page from `url` would be. */
export async function extractCapturedPage(html: string, url: string): Promise<ExtractedArticle> {
  await loadLinkedom()
  return extractHtml(new TextEncoder().encode(html), { url })
}

/** The content hash the archive would give this article (to tell a new text from the same). */
export function capturedHash(extracted: ExtractedArticle): string {
  return contentHash(extracted)
}

export interface CapturedExtras {
  images: ReadonlyMap<string, Uint8Array>
  tags: string[]
  highlights: ImportedHighlight[]
}

/**
 * Stores a captured article as any import: new, or merged into the article with the same
 * text or address (its tags and highlight added). Committed before it returns.
 */
export async function storeCapturedPage(
  core: ImportCore,
  extracted: ExtractedArticle,
  extras: CapturedExtras,
): Promise<ImportResult> {
  const url = extracted.url ?? ''
  const [result] = await core.write(() =>
    core.importBatch(
      async (ctx) => [
        await storeArticle(
          extracted,
          {
            source: url,
            origin: { kind: 'url', name: url, format: extracted.format },
            entry: { tags: extras.tags, highlights: extras.highlights },
            capturedImages: extras.images,
          },
          ctx,
        ),
      ],
      { tags: extras.tags },
    ),
  )
  return result!
}
