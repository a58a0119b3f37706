// Reads a response body up to a byte limit, stopping the download as soon as it is passed.
import { ImportFailure } from '../import/extracted.ts'

export async function readCapped(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  url: string,
): Promise<Uint8Array> {
  if (!body) return new Uint8Array(0)
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined)
      throw tooLarge(url, maxBytes)
    }
    chunks.push(value)
  }
  const out = new Uint8Array(total)
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.byteLength
  }
  return out
}

export function tooLarge(url: string, maxBytes: number): ImportFailure {
  const mb = Math.round((maxBytes / (1024 * 1024)) * 10) / 10
  return new ImportFailure('TOO_LARGE', `${url} is larger than the ${mb} MB limit for downloads`)
}
