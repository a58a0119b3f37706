// File names that are safe on Windows, macOS and Linux, and unique within one folder.

/** Windows refuses these as a name, with or without an extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i
/** Characters no system allows in a name (Windows is the strictest), and controls. */
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f\u007f]/g
/** Bytes, not characters: ext4 and APFS cap a name at 255 bytes; leave room for a suffix. */
export const MAX_NAME_BYTES = 180

/**
 * A name for `wanted` that every system accepts: forbidden characters become spaces,
 * runs of whitespace one space, no leading/trailing dots or spaces (Windows drops
 * trailing ones), reserved device names get a `_`, capped at MAX_NAME_BYTES of UTF-8
 * without splitting a character. An empty result becomes `fallback`.
 */
export function safeFileName(wanted: string, fallback = 'untitled'): string {
  let name = wanted
    .normalize('NFC')
    .replace(FORBIDDEN, ' ')
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '') // bidi controls: spoofing
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '')
  name = capBytes(name, MAX_NAME_BYTES).replace(/[\s.]+$/g, '')
  if (!name) name = fallback
  if (RESERVED.test(name)) name = `_${name}`
  return name
}

function capBytes(s: string, max: number): string {
  const encoder = new TextEncoder()
  if (encoder.encode(s).length <= max) return s
  let out = ''
  let bytes = 0
  for (const ch of s) {
    const n = encoder.encode(ch).length
    if (bytes + n > max) break
    out += ch
    bytes += n
  }
  return out
}

/**
 * `base + ext`, or `base 2 + ext`, `base 3 + ext`… whichever is not in `taken`. Compared
 * case-insensitively, since macOS and Windows folders are; the name chosen is added.
 */
export function uniqueName(base: string, ext: string, taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? `${base}${ext}` : `${base} ${n}${ext}`
    const key = name.toLowerCase()
    if (!taken.has(key)) {
      taken.add(key)
      return name
    }
  }
}
