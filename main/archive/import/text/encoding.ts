// Works out a byte buffer's Unicode encoding from its byte-order mark or its NUL-byte pattern.

export type Utf16 = 'utf-16le' | 'utf-16be'
export type Bom = { encoding: 'utf-8' | Utf16; length: number }

/** The byte-order mark at the start of `bytes`, if any. */
export function readBom(bytes: Uint8Array): Bom | undefined {
  const [a, b, c] = bytes
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8', length: 3 }
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le', length: 2 }
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be', length: 2 }
  return undefined
}

/**
 * Guesses UTF-16 without a BOM. ASCII characters in UTF-16 carry a NUL in their high byte, so
 * the NULs of a UTF-16 text sit almost all on one side of each byte pair (odd offsets for LE,
 * even for BE); binary formats scatter theirs over both sides.
 */
export function guessUtf16(bytes: Uint8Array): Utf16 | undefined {
  let even = 0
  let odd = 0
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0) {
      if (i % 2 === 0) even++
      else odd++
    }
  }
  const pairs = Math.max(1, Math.floor(bytes.length / 2))
  const dominant = Math.max(even, odd)
  // Even CJK text has a line break every few dozen characters, so 1% of pairs is a low floor.
  if (dominant === 0 || dominant / pairs < 0.01) return undefined
  if (Math.min(even, odd) > dominant * 0.1) return undefined
  return odd > even ? 'utf-16le' : 'utf-16be'
}
