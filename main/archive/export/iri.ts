// Addresses that every consumer accepts: an IRI (which may hold "É") becomes a URI with its
// non-ASCII characters percent-encoded as UTF-8 (RFC 3987 §3.1), spaces and other characters
// a URI may not hold encoded too; what is already encoded stays as it is.

/**
 * `address` as an absolute URI, or null when it is not one (no scheme, or a host that
 * cannot be parsed). Host names are kept as written, in punycode when the URL parser gives it.
 */
export function toUri(address: string): string | null {
  const trimmed = address.trim()
  if (!/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return null
  if (/^https?:/i.test(trimmed)) {
    try {
      // WHATWG URL punycodes the host and encodes most of the rest; it leaves a few
      // characters (| ^ in a path) that a URI may not hold, so those are encoded after.
      return encodeIri(new URL(trimmed).href)
    } catch {
      return null
    }
  }
  return encodeIri(trimmed)
}

/** Percent-encode every character a URI may not hold, leaving `%XX` escapes alone. */
export function encodeIri(iri: string): string {
  return iri.replace(/%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/gu, (c) =>
    [...new TextEncoder().encode(c)]
      .map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`)
      .join(''),
  )
}
