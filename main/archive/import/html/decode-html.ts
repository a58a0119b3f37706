// Turns the bytes of a web page into text: BOM, then the HTTP charset, then the page's own
// <meta charset> / http-equiv / XML declaration, else UTF-8 with a Windows-1252 fallback.
import { readBom } from '../text/encoding.ts'

export interface DecodedHtml {
  text: string
  /** The WHATWG name of the encoding used ('utf-8', 'windows-1251', 'shift_jis'…). */
  encoding: string
}

/** How far into the file a charset declaration is looked for (the HTML spec says 1024). */
const PRESCAN_BYTES = 4096

const META_CHARSET = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i
const XML_ENCODING = /^\s*<\?xml\b[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i

/**
 * Decodes a page. `headerCharset` is the charset of an HTTP Content-Type (URL imports),
 * which the HTML spec ranks above the page's own declaration but below a BOM. Never throws:
 * an unknown label is ignored, and undecodable bytes become U+FFFD.
 */
export function decodeHtml(bytes: Uint8Array, headerCharset?: string): DecodedHtml {
  const bom = readBom(bytes)
  if (bom) return decodeWith(bom.encoding, bytes.subarray(bom.length))
  const fromHeader = usableLabel(headerCharset)
  const declared = fromHeader ?? usableLabel(prescanCharset(bytes))
  if (declared && declared !== 'utf-8') {
    // A saved file often keeps its original <meta charset> after the browser or a tool has
    // re-encoded it as UTF-8. Multi-byte text that is valid UTF-8 is almost never a legacy
    // encoding by chance, so it wins over the page's own claim (not over an HTTP header).
    if (!fromHeader) {
      const utf8 = strictUtf8(bytes)
      if (utf8 !== undefined && hasMultiByte(bytes)) return { text: utf8, encoding: 'utf-8' }
    }
    return decodeWith(declared, bytes)
  }
  const utf8 = strictUtf8(bytes)
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' }
  // A page that says UTF-8 but is not is usually one bad byte: keep it UTF-8 with U+FFFD.
  if (declared === 'utf-8') return decodeWith('utf-8', bytes)
  // Undeclared and not UTF-8: an older single-byte page; Windows-1252 covers ISO-8859-1.
  return decodeWith('windows-1252', bytes)
}

function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return undefined
  }
}

/** True when the bytes hold at least a few non-ASCII bytes (multi-byte sequences if UTF-8). */
function hasMultiByte(bytes: Uint8Array): boolean {
  let high = 0
  for (let i = 0; i < bytes.length && high < 8; i++) if (bytes[i]! >= 0x80) high++
  return high >= 8
}

/** The charset a page declares in its first bytes, as written (not yet validated). */
export function prescanCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, PRESCAN_BYTES)).toString('latin1')
  const xml = XML_ENCODING.exec(head)
  if (xml) return xml[1]
  // `charset=` matches both <meta charset="x"> and http-equiv's content="text/html; charset=x".
  return META_CHARSET.exec(head.replace(/<!--[\s\S]*?-->/g, ''))?.[1]
}

/** The WHATWG encoding name for a label, or undefined when TextDecoder does not know it. */
function usableLabel(label: string | undefined): string | undefined {
  if (!label) return undefined
  let encoding: string
  try {
    encoding = new TextDecoder(label.trim()).encoding
  } catch {
    return undefined
  }
  // A page decoded with a declared UTF-16 without a BOM is ASCII-compatible bytes: the spec
  // says to read such a declaration as UTF-8. 'replacement' would turn the page into U+FFFD.
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return 'utf-8'
  if (encoding === 'replacement' || encoding === 'x-user-defined') return undefined
  return encoding
}

function decodeWith(encoding: string, bytes: Uint8Array): DecodedHtml {
  return { text: new TextDecoder(encoding).decode(bytes), encoding }
}
