// Fetches an image a page or feed item refers to: always through the private-address guard,
// small, and only the raster formats a browser shows safely (no SVG: it can carry script).
import { fetchResource, type FetchOptions } from './fetch-resource.ts'

export const MAX_IMAGE_BYTES = 10 * 1024 * 1024
const IMAGE_TIMEOUT_MS = 15_000

export interface FetchedImage {
  bytes: Uint8Array
  mime: string
}

/** `allowPrivate` stays off for images a page refers to; tests turn it on for their local server. */
export interface ImageFetchOptions extends Omit<FetchOptions, 'accept'> {
  /** Told why an image was skipped (the article is imported without it). */
  onError?: (url: string, err: unknown) => void
}

/**
 * The image, or null when it cannot be fetched or is not an image we keep. Never throws:
 * a missing picture must not fail the article. Matches html/'s `fetchRemote` dependency.
 */
export async function fetchImage(
  url: string,
  opts: ImageFetchOptions = {},
): Promise<FetchedImage | null> {
  try {
    const res = await fetchResource(url, {
      timeoutMs: IMAGE_TIMEOUT_MS,
      maxBytes: MAX_IMAGE_BYTES,
      ...opts,
      accept: 'image/avif,image/webp,image/png,image/jpeg,image/gif;q=0.9',
    })
    const mime = sniffImage(res.bytes)
    if (!mime) {
      opts.onError?.(url, new Error(`${res.finalUrl} is not a PNG, JPEG, GIF, WebP or AVIF image`))
      return null
    }
    return { bytes: res.bytes, mime }
  } catch (err) {
    opts.onError?.(url, err)
    return null
  }
}

/** The image type from its magic bytes (the Content-Type header is often wrong). */
export function sniffImage(b: Uint8Array): string | undefined {
  const ascii = (from: number, to: number) => Buffer.from(b.subarray(from, to)).toString('latin1')
  if (b[0] === 0x89 && ascii(1, 4) === 'PNG') return 'image/png'
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg'
  if (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a') return 'image/gif'
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp'
  if (ascii(4, 8) === 'ftyp' && /^avi[fs]$/.test(ascii(8, 12))) return 'image/avif'
  return undefined
}
