// The saved-web-page importer (.html, .htm, .xhtml, or an unnamed file that starts like HTML).
import type { ArticleImporter, Sniff } from '../importer.ts'
import { extractHtml, MAX_HTML_BYTES } from './extract-html.ts'
import { isBookmarksHtml } from '../unclaimed.ts'

const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml', '.shtml'])

/** A doctype or <html> tag near the top, after any BOM, XML declaration or comments. */
const HTML_HEAD =
  /^(?:\ufeff|\xef\xbb\xbf|\xff\xfe|\xfe\xff)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>])/i

/** Extensions other importers own: a `.md` file that happens to start with <html> stays theirs. */
const OTHER_KNOWN = new Set(['.txt', '.text', '.md', '.markdown', '.csv', '.json', '.xml', '.opml'])

export function isHtmlFile(s: Sniff): boolean {
  // A browser's exported bookmarks are a list of links, not a page with an article.
  if (HTML_EXTENSIONS.has(s.ext)) return !isBookmarksHtml(s.head)
  if (OTHER_KNOWN.has(s.ext)) return false
  return HTML_HEAD.test(s.head.slice(0, 4096))
}

export const htmlImporter: ArticleImporter = {
  id: 'html',
  label: 'saved web pages (.html, .htm)',
  kind: 'article',
  maxBytes: MAX_HTML_BYTES,
  matches: isHtmlFile,
  extract: (bytes) => extractHtml(bytes),
}
