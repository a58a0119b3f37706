// The interface every file importer implements, and what it is given to decide and to read.
import type { ExtractedArticle, ImportEntry } from './extracted.ts'

/** What an importer sees to decide whether a file is its format. */
export interface Sniff {
  /** The name as the user gave it (may contain folders). */
  name: string
  /** Lower-case extension with the dot ('.html'), or '' when there is none. */
  ext: string
  /** The first 8 KB decoded as latin1: enough for magic bytes, XML roots and CSV headers. */
  readonly head: string
}

export interface ImportContext {
  name: string
  /**
   * Reads a file next to the imported one (a saved page's `page_files/img.png`), or null
   * when there is none or the path would leave the file's folder. Absent for uploads.
   */
  readSibling?: (relativePath: string) => Promise<Uint8Array | null>
}

interface ImporterBase {
  /** Stable id, used in reports and tests ('text', 'html', 'pocket-csv'…). */
  id: string
  /** What the user is told is supported ("Pocket export (.csv, .zip)"). */
  label: string
  /** Bigger files are refused before they are read. */
  maxBytes: number
  matches(s: Sniff): boolean
}

/** One file, one article (a text file, a saved page, a Markdown note). */
export interface ArticleImporter extends ImporterBase {
  kind: 'article'
  extract(bytes: Uint8Array, ctx: ImportContext): ExtractedArticle | Promise<ExtractedArticle>
}

/** One file, many items (an export from another app, a feed file, a zip of pages). */
export interface EntriesImporter extends ImporterBase {
  kind: 'entries'
  entries(bytes: Uint8Array, ctx: ImportContext): ImportEntry[] | Promise<ImportEntry[]>
}

export type FileImporter = ArticleImporter | EntriesImporter

export function sniffOf(name: string, bytes: Uint8Array): Sniff {
  const dot = name.lastIndexOf('.')
  const slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'))
  const ext = dot > slash + 1 ? name.slice(dot).toLowerCase() : ''
  // Decoded on first use: most files are claimed by their extension alone.
  let head: string | undefined
  return {
    name,
    ext,
    get head() {
      head ??= Buffer.from(bytes.subarray(0, 8192)).toString('latin1')
      return head
    },
  }
}
