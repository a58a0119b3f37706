// Turns the bytes of a text file into clean Unicode text: encoding detection, line breaks, NFC.
import { looksBinary, stripControls } from './binary.ts'
import { guessUtf16, readBom } from './encoding.ts'
import { TextImportError } from './errors.ts'

/** Text files above this size are refused: no article is this long, and decoding is in memory. */
export const MAX_TEXT_BYTES = 16 * 1024 * 1024

const MB = 1024 * 1024

export type DecodedText = { text: string; encoding: string }

/**
 * Refuses a file before it is read when it is too large to be an article.
 * Throws TextImportError 'TOO_LARGE' with both sizes in MB.
 */
export function checkTextSize(size: number): void {
  if (size <= MAX_TEXT_BYTES) return
  throw new TextImportError(
    'TOO_LARGE',
    `the file is ${formatMb(size)} MB, larger than the ${formatMb(MAX_TEXT_BYTES)} MB limit for text files`,
  )
}

/**
 * Decodes a text file of unknown encoding: UTF-8 (with or without BOM), UTF-16 LE/BE (with a
 * BOM, or recognised by its NUL bytes), else Windows-1252, which also covers ISO-8859-1.
 * Line breaks become '\n', the BOM and stray control characters go, and the text is NFC.
 * Throws TextImportError: 'TOO_LARGE', 'BINARY' (NULs that are not UTF-16, or too many control
 * characters), 'EMPTY' (nothing but whitespace).
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  checkTextSize(bytes.length)
  const decoded = decodeBytes(bytes)
  if (looksBinary(decoded.text)) throw binaryError()
  const text = normalise(decoded.text)
  if (text.trim() === '') throw new TextImportError('EMPTY', 'the file is empty')
  return { text, encoding: decoded.encoding }
}

function decodeBytes(bytes: Uint8Array): DecodedText {
  const bom = readBom(bytes)
  const body = bom ? bytes.subarray(bom.length) : bytes
  // A UTF-16 BOM is explicit enough to decode leniently; a damaged pair becomes U+FFFD.
  if (bom && bom.encoding !== 'utf-8') {
    return { text: new TextDecoder(bom.encoding).decode(body), encoding: bom.encoding }
  }
  if (body.includes(0)) {
    const utf16 = guessUtf16(body)
    const text = utf16 === undefined ? undefined : tryDecode(utf16, body)
    if (utf16 === undefined || text === undefined) throw binaryError()
    return { text, encoding: utf16 }
  }
  const utf8 = tryDecode('utf-8', body)
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' }
  // Not valid UTF-8: an older single-byte file. Windows-1252 is a superset of ISO-8859-1's
  // printable range (0xA3 is '£' in both) and also gives curly quotes in 0x80–0x9F.
  return { text: new TextDecoder('windows-1252').decode(body), encoding: 'windows-1252' }
}

function tryDecode(encoding: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes)
  } catch {
    return undefined
  }
}

function normalise(text: string): string {
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?|[\u000B\u000C\u0085\u2028]/g, '\n')
    .replace(/\u2029/g, '\n\n')
  return stripControls(lines).normalize('NFC')
}

function binaryError(): TextImportError {
  return new TextImportError('BINARY', 'this looks like a binary file, not text')
}

// Rounded up to a tenth so a file just over the limit never reads as "16 MB" against "16 MB".
function formatMb(size: number): string {
  return String(Math.ceil((size / MB) * 10) / 10)
}
