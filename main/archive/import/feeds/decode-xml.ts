// Turns feed or OPML bytes into text: the BOM first, then the XML declaration's encoding,
// else UTF-8 when valid, else Windows-1252 (old feeds often omit their Latin-1 declaration).

const UTF8_BOM = [0xef, 0xbb, 0xbf]

export interface DecodedXml {
  text: string
  encoding: string
}

export function decodeXml(bytes: Uint8Array): DecodedXml {
  if (startsWith(bytes, UTF8_BOM)) return decodeAs('utf-8', bytes.subarray(3))
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeAs('utf-16le', bytes.subarray(2))
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeAs('utf-16be', bytes.subarray(2))
  // '<\0?\0' and '\0<\0?' are UTF-16 without a BOM.
  if (bytes[0] === 0x3c && bytes[1] === 0) return decodeAs('utf-16le', bytes)
  if (bytes[0] === 0 && bytes[1] === 0x3c) return decodeAs('utf-16be', bytes)
  const declared = declaredEncoding(bytes)
  if (declared && !/^utf-?8$/i.test(declared)) {
    const label = supportedLabel(declared)
    // A declaration of UTF-16 in a file that is not (no NULs) is a lie: fall through.
    if (label && !label.startsWith('utf-16')) return decodeAs(label, bytes)
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' }
  } catch {
    return decodeAs('windows-1252', bytes)
  }
}

/** The encoding named by `<?xml … encoding="…"?>` at the start of the file, if any. */
function declaredEncoding(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1')
  const m = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']/.exec(head)
  return m?.[1]
}

function supportedLabel(label: string): string | undefined {
  try {
    return new TextDecoder(label).encoding
  } catch {
    return undefined
  }
}

function decodeAs(encoding: string, bytes: Uint8Array): DecodedXml {
  return { text: new TextDecoder(encoding).decode(bytes), encoding }
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b)
}
