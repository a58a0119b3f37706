// The plain-text importer: bytes -> decoded text -> title, dek, byline, dateline, paragraphs.
import { decodeText } from './text/decode.ts'
import { parsePlainText } from './text/parse-text.ts'
import { TextImportError } from './text/errors.ts'
import { ImportFailure, type ExtractedArticle } from './extracted.ts'
import type { ArticleImporter } from './importer.ts'
import { MAX_TEXT_BYTES } from './text/decode.ts'
import { looksLikeJson } from './unclaimed.ts'

const TEXT_EXTENSIONS = new Set(['', '.txt', '.text'])

export const textImporter: ArticleImporter = {
  id: 'text',
  label: 'plain text (.txt, .text)',
  kind: 'article',
  maxBytes: MAX_TEXT_BYTES,
  // A file without an extension may be JSON (a browser's bookmarks): not text to read.
  matches: (s) => TEXT_EXTENSIONS.has(s.ext) && !(s.ext === '' && looksLikeJson(s.head)),
  extract: (bytes) => extractPlainText(bytes),
}

export function extractPlainText(bytes: Uint8Array): ExtractedArticle {
  try {
    const { text, encoding } = decodeText(bytes)
    const parsed = parsePlainText(text)
    if (!parsed.title) throw new ImportFailure('EMPTY', 'the file has no text')
    return {
      title: parsed.title,
      ...(parsed.subtitle ? { subtitle: parsed.subtitle } : {}),
      ...(parsed.byline ? { byline: parsed.byline } : {}),
      authors: parsed.authors,
      ...(parsed.affiliation ? { source: parsed.affiliation } : {}),
      ...(parsed.dateline ? { dateline: parsed.dateline } : {}),
      paragraphs: parsed.paragraphs,
      format: 'text',
      encoding,
    }
  } catch (err) {
    if (err instanceof TextImportError) throw new ImportFailure(err.code, err.message)
    throw err
  }
}
