// Bytes of an export file -> text: BOM, UTF-16 (with or without BOM), UTF-8, else Windows-1252.
import { ImportFailure } from '../extracted.ts'
import { guessUtf16, readBom } from '../text/encoding.ts'
import { looksBinary } from '../text/binary.ts'
import { formatMb } from './limits.ts'

/**
 * Decodes an export. Spreadsheet tools save CSV as UTF-16 or with a UTF-8 BOM, so both are
 * read. Throws ImportFailure 'TOO_LARGE' (over `maxBytes`), 'EMPTY' (only whitespace) or
 * 'BINARY' (NUL bytes that are not UTF-16, or mostly control characters).
 */
export function decodeExport(bytes: Uint8Array, maxBytes: number, what: string): string {
  if (bytes.length > maxBytes) {
    throw new ImportFailure(
      'TOO_LARGE',
      `the file is ${formatMb(bytes.length)} MB, larger than the ${formatMb(maxBytes)} MB limit for ${what}`,
    )
  }
  const text = decodeBytes(bytes).replace(/^\uFEFF/, '')
  if (text.trim() === '') throw new ImportFailure('EMPTY', 'the file is empty')
  if (looksBinary(text.slice(0, 65536))) {
    throw new ImportFailure('BINARY', `this looks like a binary file, not ${what}`)
  }
  return text
}

function decodeBytes(bytes: Uint8Array): string {
  const bom = readBom(bytes)
  if (bom) return new TextDecoder(bom.encoding).decode(bytes.subarray(bom.length))
  if (bytes.includes(0)) {
    const utf16 = guessUtf16(bytes)
    if (!utf16) throw new ImportFailure('BINARY', 'the file contains NUL bytes: it is not text')
    return new TextDecoder(utf16).decode(bytes)
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return new TextDecoder('windows-1252').decode(bytes)
  }
}
