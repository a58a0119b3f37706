// The metadata of a saved page without its body: what re-extraction and the quality checks
// read when only the page's description is wanted (Readability is not run).
import { decodeHtml } from './decode-html.ts'
import { parseDocument } from './dom.ts'
import { readMetadata, type MetadataOptions, type PageMetadata } from './metadata.ts'

/** Reads a page's metadata from its bytes; never throws for a malformed page. */
export function extractPageMetadata(bytes: Uint8Array, opts: MetadataOptions = {}): PageMetadata {
  const { text } = decodeHtml(bytes)
  const html = /<html[\s>]/i.test(text.slice(0, 65536))
    ? text
    : `<!doctype html><html><head></head><body>${text}</body></html>`
  return readMetadata(parseDocument(html), opts)
}
