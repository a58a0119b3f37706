// Images the page's own script context could not fetch (another site's, without CORS):
// fetched from the worker, which may reach any site and sends that site's cookies.
import type { CaptureRequest } from '../../shared/capture.ts'

const MAX_IMAGE_BYTES = 15 * 1024 * 1024

export async function fetchMissingImages(urls: string[]): Promise<CaptureRequest['images']> {
  const out: CaptureRequest['images'] = []
  for (const url of urls) {
    try {
      const res = await fetch(url, { credentials: 'include' })
      if (!res.ok) continue
      const bytes = new Uint8Array(await res.arrayBuffer())
      if (bytes.length === 0 || bytes.length > MAX_IMAGE_BYTES) continue
      out.push({ url, data: toBase64(bytes) })
    } catch {
      // Left out: the import keeps its alt text.
    }
  }
  return out
}

function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}
