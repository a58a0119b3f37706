// Picks the importer for a file from its name. Content sniffing (binary, empty) happens in
// the importer itself, which knows what it can read.
import { extname } from 'node:path'
import { ImportFailure } from './extracted.ts'

export type SourceFormat = 'text'

const TEXT_EXTENSIONS = new Set(['', '.txt', '.text'])

export const SUPPORTED_EXTENSIONS = ['.txt', '.text']

/** The format to import `name` as; throws UNSUPPORTED_FORMAT naming what is supported. */
export function detectFormat(name: string): SourceFormat {
  const ext = extname(name).toLowerCase()
  if (TEXT_EXTENSIONS.has(ext)) return 'text'
  throw new ImportFailure(
    'UNSUPPORTED_FORMAT',
    `Quire cannot import ${ext} files yet (supported: plain text ${SUPPORTED_EXTENSIONS.join(', ')})`,
  )
}
