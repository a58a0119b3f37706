// Files no importer claims, and files that look like one kind but are another: a browser's
// bookmarks (JSON or the Netscape HTML list), a JSON export of an app Quire does not read.
// They get one clear "not a supported format" result, never an article titled "{".
import type { Sniff } from './importer.ts'

/** True when a file's head is JSON (an object or array), whatever its name says. */
export function looksLikeJson(head: string): boolean {
  return /^\uFEFF?\s*[[{]\s*(?:"|\]|\}|\[|\{|$)/.test(head)
}

/** True for a browser's exported bookmarks in the Netscape HTML format. */
export function isBookmarksHtml(head: string): boolean {
  return /^\uFEFF?\s*<!DOCTYPE\s+NETSCAPE-Bookmark-file/i.test(head)
}

/** Why Quire cannot import a file no importer claimed, in words for the user. */
export function unsupportedReason(s: Sniff, supported: string): string {
  const head = s.head
  if (isBookmarksHtml(head) || /"(?:roots|checksum|guid)"\s*:/.test(head.slice(0, 400)))
    return `not a supported format: this is a browser bookmarks file, not an article or an app export Quire reads (supported: ${supported})`
  if (looksLikeJson(head))
    return `not a supported format: a JSON file that is not an export Quire reads (supported: ${supported})`
  const what = s.ext ? `${s.ext} files` : 'this kind of file'
  return `not a supported format: Quire cannot import ${what} yet (supported: ${supported})`
}
