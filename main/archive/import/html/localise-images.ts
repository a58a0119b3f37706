// Makes an article's images local: each <img> of the body becomes a file in assets/ with a
// relative src, or goes (its alt text kept as text). Nothing is ever loaded from the
// network at reading time.
import { ASSET_TYPES, imageTypeOf } from '../../store/asset-store.ts'
import type { ImageRef } from '../extracted.ts'
import { escapeText } from './serialize.ts'

export interface LocaliseDeps {
  /** Stores the bytes and returns 'assets/<sha256>.<ext>'. */
  storeAsset(bytes: Uint8Array, mime: string): Promise<string>
  /** A file next to the page, by relative path; null when missing or outside its folder. */
  readLocal?(src: string): Promise<Uint8Array | null>
  /** URL imports only: the image at an http(s) address, or null. */
  fetchRemote?(url: string): Promise<{ bytes: Uint8Array; mime?: string } | null>
}

export interface LocaliseLimits {
  perImageBytes: number
  perArticleBytes: number
}

export const DEFAULT_LIMITS: LocaliseLimits = {
  perImageBytes: 20 * 1024 * 1024,
  perArticleBytes: 100 * 1024 * 1024,
}

export interface LocalisedBody {
  bodyHtml: string
  /** The asset URLs the body now refers to ('assets/<sha256>.<ext>'). */
  assets: string[]
  /** Sources that could not be made local and were removed, with why. */
  removed: { src: string; reason: string }[]
}

// Matches the <img> tags serializeBody writes: src always first, values always escaped.
const IMG_TAG = /<img src="([^"]*)"([^>]*)>/g
const ALT = /\salt="([^"]*)"/

/**
 * Stores every image of `bodyHtml` (as written by serializeBody) and rewrites its src to
 * the asset, or removes it. Never throws for a bad image; rethrows a failed store write.
 */
export async function localiseImages(
  bodyHtml: string,
  images: ImageRef[],
  deps: LocaliseDeps,
  limits: LocaliseLimits = DEFAULT_LIMITS,
): Promise<LocalisedBody> {
  const stored = new Map<string, string>()
  const removed: LocalisedBody['removed'] = []
  let total = 0
  for (const { src } of images) {
    if (stored.has(src) || removed.some((r) => r.src === src)) continue
    const got = await loadImage(src, deps).catch(
      (err: unknown) => `could not be read (${String(err)})`,
    )
    if (typeof got === 'string') {
      removed.push({ src, reason: got })
      continue
    }
    const ext = imageTypeOf(got)
    if (!ext) {
      removed.push({ src, reason: 'is not a PNG, JPEG, GIF, WebP, AVIF, BMP or ICO image' })
      continue
    }
    if (got.length > limits.perImageBytes) {
      removed.push({ src, reason: `is larger than ${mb(limits.perImageBytes)} MB` })
      continue
    }
    if (total + got.length > limits.perArticleBytes) {
      removed.push({ src, reason: `would take the article over ${mb(limits.perArticleBytes)} MB` })
      continue
    }
    total += got.length
    stored.set(src, await deps.storeAsset(got, ASSET_TYPES[ext]))
  }
  const html = bodyHtml.replace(IMG_TAG, (tag, rawSrc: string, rest: string) => {
    const asset = stored.get(unescapeAttr(rawSrc))
    if (asset) return `<img src="${asset}"${rest}>`
    const alt = ALT.exec(rest)?.[1]
    return alt ? escapeText(unescapeAttr(alt)) : ''
  })
  return { bodyHtml: html, assets: [...new Set(stored.values())], removed }
}

/** The image's bytes, or a reason it cannot be had. */
async function loadImage(src: string, deps: LocaliseDeps): Promise<Uint8Array | string> {
  if (src.startsWith('data:')) return decodeDataUri(src) ?? 'is a malformed data: URI'
  if (/^https?:/i.test(src)) {
    if (!deps.fetchRemote) return 'is on the web, and pages from files never load remote images'
    return (await deps.fetchRemote(src))?.bytes ?? 'could not be downloaded'
  }
  const path = localPath(src)
  if (path === undefined) return 'is not a path inside the page’s folder'
  if (!deps.readLocal) return 'is a local file, and there is no folder to read it from'
  return (await deps.readLocal(path)) ?? 'is missing next to the page'
}

/**
 * The relative file path a src names, or undefined when it could leave the page's folder
 * (absolute, `..`, a drive letter, a backslash or NUL). readLocal checks again.
 */
export function localPath(src: string): string | undefined {
  let path: string
  try {
    path = decodeURIComponent(src.replace(/[?#].*$/, ''))
  } catch {
    return undefined
  }
  if (path === '' || path.startsWith('/') || /^[a-z]:/i.test(path)) return undefined
  if (/[\\\0]/.test(path) || path.split('/').some((seg) => seg === '..')) return undefined
  return path.replace(/^(?:\.\/)+/, '')
}

function decodeDataUri(src: string): Uint8Array | undefined {
  const comma = src.indexOf(',')
  if (comma < 0) return undefined
  const meta = src.slice(5, comma)
  const data = src.slice(comma + 1)
  try {
    if (/;base64$/i.test(meta))
      return new Uint8Array(Buffer.from(data.replace(/\s+/g, ''), 'base64'))
    return new Uint8Array(Buffer.from(decodeURIComponent(data), 'latin1'))
  } catch {
    return undefined
  }
}

function unescapeAttr(s: string): string {
  return s.replace(/&(amp|lt|gt|quot);/g, (_, e: string) =>
    e === 'amp' ? '&' : e === 'lt' ? '<' : e === 'gt' ? '>' : '"',
  )
}

function mb(n: number): string {
  return String(Math.round(n / 1024 / 1024))
}
