// Images of article bodies: assets/<sha256>.<ext>, content-addressed, so the same picture in
// a hundred articles is one file, and a name says nothing but its bytes.
import { access, mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { writeFileAtomic, type FileWriter } from './atomic-write.ts'
import type { ArchiveLayout } from './layout.ts'

// node:crypto loads when first used, not with the module: it costs a `quire list` ~10 ms.
const createHash = (algorithm: string) =>
  process.getBuiltinModule('node:crypto').createHash(algorithm)

export const ASSET_TYPES = {
  png: 'image/png',
  jpg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  bmp: 'image/bmp',
  ico: 'image/x-icon',
} as const

export type AssetExt = keyof typeof ASSET_TYPES

const EXT_BY_MIME = new Map<string, AssetExt>(
  Object.entries(ASSET_TYPES).map(([ext, mime]) => [mime, ext as AssetExt]),
)

const starts = (b: Uint8Array, sig: number[], at = 0) => sig.every((v, i) => b[at + i] === v)
const ascii = (b: Uint8Array, at: number, len: number) =>
  String.fromCharCode(...b.subarray(at, at + len))

/**
 * The image format of `bytes` by magic number, or undefined when they are not a raster image
 * we keep. Never trusts a name or a declared type; SVG is refused (it can carry script).
 */
export function imageTypeOf(bytes: Uint8Array): AssetExt | undefined {
  if (bytes.length < 12) return undefined
  if (starts(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png'
  if (starts(bytes, [0xff, 0xd8, 0xff])) return 'jpg'
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return 'gif'
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return 'webp'
  if (ascii(bytes, 4, 4) === 'ftyp' && /^avi[fs]$/.test(ascii(bytes, 8, 4))) return 'avif'
  if (ascii(bytes, 0, 2) === 'BM' && bytes.length >= 26) return 'bmp'
  if (starts(bytes, [0, 0, 1, 0]) && bytes[4]! + bytes[5]! > 0) return 'ico'
  return undefined
}

/** The only names an asset can have: no folder, no dot-dot, no other extension. */
export const ASSET_NAME = /^[0-9a-f]{64}\.(png|jpg|gif|webp|avif|bmp|ico)$/

export function isAssetName(name: string): boolean {
  return ASSET_NAME.test(name)
}

/** The Content-Type to serve an asset with, or undefined for a name that is not an asset. */
export function assetContentType(name: string): string | undefined {
  const m = ASSET_NAME.exec(name)
  return m ? ASSET_TYPES[m[1] as AssetExt] : undefined
}

/**
 * The response headers of an asset: its type, never sniffed; cached for good (a name is its
 * content); not embeddable by other sites (a page elsewhere could otherwise test whether
 * the archive holds a known picture); and inert if opened on its own.
 */
export function assetHeaders(name: string): Record<string, string> {
  return {
    'content-type': assetContentType(name) ?? 'application/octet-stream',
    'x-content-type-options': 'nosniff',
    'cache-control': 'public, max-age=31536000, immutable',
    'cross-origin-resource-policy': 'same-origin',
    'content-security-policy': "default-src 'none'; sandbox",
    'referrer-policy': 'no-referrer',
  }
}

/** Browsers say where a request comes from; an asset goes to our own pages (or a typed URL). */
export function isAssetRequestAllowed(secFetchSite: string | string[] | undefined): boolean {
  return secFetchSite === undefined || secFetchSite === 'same-origin' || secFetchSite === 'none'
}

/**
 * Reads an asset from an assets folder, or null when the name is not a valid asset name or
 * the file is missing. Shared by the store, the HTTP shell and the app:// protocol.
 */
export async function readAssetFile(assetsDir: string, name: string): Promise<Uint8Array | null> {
  if (!isAssetName(name)) return null
  try {
    return new Uint8Array(await readFile(join(assetsDir, name)))
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw err
  }
}

export interface AssetStoreOptions {
  write?: FileWriter
  assertWritable?: () => void
}

export class AssetStore {
  readonly #dir: string
  readonly #write: FileWriter
  readonly #assertWritable: () => void

  constructor(layout: ArchiveLayout, opts: AssetStoreOptions = {}) {
    this.#dir = layout.assetsDir
    this.#write = opts.write ?? writeFileAtomic
    this.#assertWritable = opts.assertWritable ?? (() => {})
  }

  /**
   * Stores an image and returns the body-relative URL `assets/<sha256>.<ext>`. An existing
   * file of that name already holds these bytes, so it is left alone. Throws when the bytes
   * are not an image of type `mime` (by magic number) or the write fails (the file is then
   * absent, never partial).
   */
  async put(bytes: Uint8Array, mime: string): Promise<string> {
    this.#assertWritable()
    const ext = EXT_BY_MIME.get(mime)
    if (!ext || imageTypeOf(bytes) !== ext) throw new Error(`not a ${mime} image`)
    const name = `${createHash('sha256').update(bytes).digest('hex')}.${ext}`
    const path = join(this.#dir, name)
    if (!(await exists(path))) {
      await mkdir(this.#dir, { recursive: true })
      await this.#write(path, bytes)
    }
    return `assets/${name}`
  }

  /** The bytes of an asset, or null for a missing file or a name that is not an asset's. */
  read(name: string): Promise<Uint8Array | null> {
    return readAssetFile(this.#dir, name)
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path)
    return true
  } catch {
    return false
  }
}
