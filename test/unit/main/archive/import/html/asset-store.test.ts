// The content-addressed image store: one file per distinct image, strict names, real types.
import { createHash } from 'node:crypto'
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import {
  AssetStore,
  assetContentType,
  imageTypeOf,
  isAssetName,
} from '../../../../../../main/archive/store/asset-store.ts'
import { writeFileAtomic } from '../../../../../../main/archive/store/atomic-write.ts'
import { archiveLayout } from '../../../../../../main/archive/store/layout.ts'
import { tempDir } from '../../../../helpers/temp-dir.ts'
import { GIF, PNG, SVG } from './fixtures.ts'

const SHA = 'a'.repeat(64)

describe('AssetStore', () => {
  it('stores an image under its sha256 and writes it only once', async () => {
    const layout = archiveLayout(join(await tempDir(), 'archive'))
    const write = vi.fn(writeFileAtomic)
    const store = new AssetStore(layout, { write })
    const first = await store.put(PNG, 'image/png')
    const again = await store.put(new Uint8Array(PNG), 'image/png')
    expect(first).toBe(`assets/${createHash('sha256').update(PNG).digest('hex')}.png`)
    expect(again).toBe(first)
    expect(write).toHaveBeenCalledTimes(1)
    expect(await readdir(layout.assetsDir)).toEqual([first.slice('assets/'.length)])
    expect(await store.read(first.slice('assets/'.length))).toEqual(PNG)
  })

  it('refuses bytes that are not the image type they claim', async () => {
    const store = new AssetStore(archiveLayout(await tempDir()))
    await expect(store.put(SVG, 'image/svg+xml')).rejects.toThrow(/not a image\/svg\+xml image/)
    await expect(store.put(GIF, 'image/png')).rejects.toThrow(/not a image\/png image/)
  })

  it.each([
    `../${SHA}.png`,
    `${SHA}.svg`,
    `${SHA.toUpperCase()}.png`,
    `${SHA}.png/../../quire.json`,
    'quire.json',
    `${SHA.slice(1)}.png`,
    `${SHA}.png\0`,
  ])('reads nothing for the name %s', async (name) => {
    const store = new AssetStore(archiveLayout(await tempDir()))
    expect(isAssetName(name)).toBe(false)
    expect(await store.read(name)).toBeNull()
  })

  it('answers null for a valid name that is not stored', async () => {
    const store = new AssetStore(archiveLayout(await tempDir()))
    expect(await store.read(`${SHA}.png`)).toBeNull()
  })

  it('knows types by magic bytes and serves them by name', () => {
    expect(imageTypeOf(PNG)).toBe('png')
    expect(imageTypeOf(GIF)).toBe('gif')
    expect(imageTypeOf(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0, 0, 0, 0, 0]))).toBe(
      'jpg',
    )
    expect(imageTypeOf(new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 '))).toBe('webp')
    expect(imageTypeOf(new TextEncoder().encode('\0\0\0\x1cftypavif\0\0'))).toBe('avif')
    expect(imageTypeOf(SVG)).toBeUndefined()
    expect(imageTypeOf(new TextEncoder().encode('<html><body>hi</body></html>'))).toBeUndefined()
    expect(assetContentType(`${SHA}.jpg`)).toBe('image/jpeg')
    expect(assetContentType(`${SHA}.svg`)).toBeUndefined()
  })
})
