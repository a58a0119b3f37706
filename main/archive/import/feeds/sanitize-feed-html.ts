// Adapter from a feed item's HTML to a stored article body, through the HTML importer's own
// pipeline (html/): DOMPurify with the article allow-list, then the serializer that escapes
// everything and resolves relative links and images against the item's address.
// NOTE for the lead: if html/ grows a string-level `sanitizeHtml(html, baseUrl)`, this file
// should become a one-line re-export of it.
import { parseDocument } from '../html/dom.ts'
import { purifyInPlace } from '../html/purifier.ts'
import { serializeBody, type SerializedBody } from '../html/serialize.ts'

/** Sanitised body HTML and its images; relative href/src become absolute when `baseUrl` is known. */
export function sanitizeFeedHtml(html: string, baseUrl: string | undefined): SerializedBody {
  const doc = parseDocument(`<!doctype html><html><body><div>${html}</div></body></html>`)
  const root = doc.querySelector('body > div')
  if (!root) return { html: '', images: [] }
  purifyInPlace(root)
  return serializeBody(root, baseUrl ? { linkBase: baseUrl, imageBase: baseUrl } : {})
}
