// Reads a Content-Type header and names a media type the way a person would ("a PDF").

export interface MediaType {
  /** Lower-case type/subtype, '' when the header is missing. */
  type: string
  charset?: string
}

export function parseContentType(header: string | null): MediaType {
  if (!header) return { type: '' }
  const [type = '', ...params] = header.split(';')
  const charset = params
    .map((p) => /^\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(p)?.[1])
    .find((c) => c !== undefined)
  return { type: type.trim().toLowerCase(), ...(charset ? { charset: charset.toLowerCase() } : {}) }
}

export function isHtmlType(type: string): boolean {
  return type === 'text/html' || type === 'application/xhtml+xml'
}

/** "a PDF", "an image", "JSON data": what the user is told a non-page address gave. */
export function describeType(type: string): string {
  if (type === 'application/pdf') return 'a PDF'
  if (type.startsWith('image/')) return 'an image'
  if (type.startsWith('video/')) return 'a video'
  if (type.startsWith('audio/')) return 'an audio file'
  if (type === 'application/json' || type.endsWith('+json')) return 'JSON data'
  if (/(rss|atom|rdf)\+xml$/.test(type)) return 'a feed'
  if (type.endsWith('/xml') || type.endsWith('+xml')) return 'an XML document'
  if (type === 'text/plain') return 'plain text'
  if (/zip|compressed|x-tar|gzip/.test(type)) return 'an archive file'
  if (type === 'application/octet-stream') return 'a binary file'
  return type ? `a ${type} file` : 'a file of unknown type'
}
