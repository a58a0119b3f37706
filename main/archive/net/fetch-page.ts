// Fetches a web page for the HTML importer: a resource that must be HTML.
import { ImportFailure } from '../import/extracted.ts'
import { describeType, isHtmlType } from './content-type.ts'
import { fetchResource, type FetchedResource, type FetchOptions } from './fetch-resource.ts'

/**
 * The page's bytes. `charset` is set only when the server named one; otherwise the HTML
 * decoder reads the page's <meta>. Throws what fetchResource throws, and ImportFailure
 * 'UNSUPPORTED_FORMAT' when the address gives something else ("… is a PDF, not a web page").
 */
export async function fetchPage(url: string, opts: FetchOptions = {}): Promise<FetchedResource> {
  const res = await fetchResource(url, {
    accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5',
    ...opts,
  })
  // No Content-Type at all: let the bytes speak if they start like a page.
  const untyped = res.contentType === '' && looksLikeHtml(res.bytes)
  if (!isHtmlType(res.contentType) && !untyped) {
    throw new ImportFailure(
      'UNSUPPORTED_FORMAT',
      `${res.finalUrl} is ${describeType(res.contentType)}, not a web page`,
    )
  }
  return res
}

function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1').trimStart().toLowerCase()
  return head.startsWith('<!doctype html') || head.startsWith('<html')
}
