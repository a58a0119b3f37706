// Images become assets: data: URIs decoded, files next to the page read, remote images
// fetched only for URL imports, anything else (SVG, traversal, missing) removed with its alt.
import { mkdir, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { extractHtml } from '../../../../../../main/archive/import/html/extract-html.ts'
import {
  localiseImages,
  localPath,
  type LocaliseDeps,
} from '../../../../../../main/archive/import/html/localise-images.ts'
import { AssetStore } from '../../../../../../main/archive/store/asset-store.ts'
import { archiveLayout } from '../../../../../../main/archive/store/layout.ts'
import { tempDir } from '../../../../helpers/temp-dir.ts'
import { fixtureText, GIF, PNG, PNG_BASE64, SVG } from './fixtures.ts'

/** The images.html page saved in a folder with its page_files, and an archive to store into. */
async function setUp() {
  const base = await tempDir()
  const pageDir = join(base, 'saved')
  await mkdir(join(pageDir, 'page_files'), { recursive: true })
  await writeFile(join(pageDir, 'page_files', 'dawn.png'), PNG)
  await writeFile(join(pageDir, 'page_files', 'drawing.svg'), SVG)
  const html = fixtureText('images.html').replace('DATA_PNG', `data:image/png;base64,${PNG_BASE64}`)
  const article = extractHtml(new TextEncoder().encode(html))
  const layout = archiveLayout(join(base, 'archive'))
  const store = new AssetStore(layout)
  const readLocal = vi.fn(async (path: string) => {
    try {
      const { readFile } = await import('node:fs/promises')
      return new Uint8Array(await readFile(join(pageDir, path)))
    } catch {
      return null
    }
  })
  const deps: LocaliseDeps = { storeAsset: (b, m) => store.put(b, m), readLocal }
  return { article, layout, deps, readLocal }
}

describe('localiseImages', () => {
  it('keeps relative sources for the asset step and lists each once', async () => {
    const { article } = await setUp()
    expect(article.images!.map((i) => i.src)).toEqual([
      'page_files/dawn.png',
      `data:image/png;base64,${PNG_BASE64}`,
      'https://cdn.example/boats.gif',
      'page_files/drawing.svg',
      '../../etc/passwd',
      'page_files/missing.png',
    ])
  })

  it('stores local and data: images once each and rewrites their src', async () => {
    const { article, layout, deps } = await setUp()
    const out = await localiseImages(article.bodyHtml!, article.images!, deps)
    const files = await readdir(layout.assetsDir)
    // dawn.png twice and the data: PNG are the same bytes: one file.
    expect(files).toHaveLength(1)
    expect(files[0]).toMatch(/^[0-9a-f]{64}\.png$/)
    expect(out.assets).toEqual([`assets/${files[0]}`])
    expect(out.bodyHtml).toContain(`<img src="assets/${files[0]}" alt="dawn over the quay">`)
    expect(out.bodyHtml).toContain(`<img src="assets/${files[0]}" alt="inline pixel">`)
    expect(out.bodyHtml).not.toMatch(/data:|page_files|cdn\.example|passwd/)
  })

  it('removes remote images without fetchRemote, keeping their alt text', async () => {
    const { article, deps } = await setUp()
    const out = await localiseImages(article.bodyHtml!, article.images!, deps)
    expect(out.bodyHtml).toContain('boats leaving')
    expect(out.bodyHtml).not.toContain('<img src="https://')
    expect(out.removed.map((r) => r.src)).toContain('https://cdn.example/boats.gif')
  })

  it('fetches remote images when given fetchRemote', async () => {
    const { article, deps } = await setUp()
    const fetchRemote = vi.fn(async () => ({ bytes: GIF, mime: 'image/gif' }))
    const out = await localiseImages(article.bodyHtml!, article.images!, { ...deps, fetchRemote })
    expect(fetchRemote).toHaveBeenCalledWith('https://cdn.example/boats.gif')
    expect(out.bodyHtml).toMatch(/<img src="assets\/[0-9a-f]{64}\.gif" alt="boats leaving">/)
  })

  it('refuses SVG by its bytes, whatever the name says', async () => {
    const { article, deps } = await setUp()
    const out = await localiseImages(article.bodyHtml!, article.images!, deps)
    expect(out.removed).toContainEqual({
      src: 'page_files/drawing.svg',
      reason: expect.stringMatching(/not a PNG/),
    })
    expect(out.bodyHtml).not.toContain('drawing.svg')
    expect(out.bodyHtml).toContain('a drawing')
  })

  it('never asks readLocal for a path that leaves the page folder', async () => {
    const { article, deps, readLocal } = await setUp()
    const out = await localiseImages(article.bodyHtml!, article.images!, deps)
    const asked = readLocal.mock.calls.map((c) => c[0])
    expect(asked).toEqual([
      'page_files/dawn.png',
      'page_files/drawing.svg',
      'page_files/missing.png',
    ])
    expect(out.removed.find((r) => r.src === '../../etc/passwd')?.reason).toMatch(/inside/)
    expect(out.bodyHtml).toContain('escape attempt')
    expect(out.bodyHtml).toContain('missing picture')
  })

  it.each([
    '../a.png',
    '/etc/passwd',
    'a/../../b.png',
    'C:/x.png',
    'a\\b.png',
    '%2e%2e/x.png',
    'a%00.png',
  ])('localPath refuses %s', (src) => {
    expect(localPath(src)).toBeUndefined()
  })

  it('decodes a percent-encoded sibling path', () => {
    expect(localPath('./page_files/my%20pic.png?v=2')).toBe('page_files/my pic.png')
  })

  it('caps each image and the whole article', async () => {
    const { deps } = await setUp()
    const big = new Uint8Array(2048)
    big.set(PNG)
    const other = new Uint8Array(1500)
    other.set(PNG)
    other[1400] = 1
    const readLocal = async (p: string) => (p === 'big.png' ? big : p === 'b.png' ? other : PNG)
    const html = '<p><img src="big.png" alt="big"><img src="a.png"><img src="b.png" alt="b"></p>'
    const images = [{ src: 'big.png' }, { src: 'a.png' }, { src: 'b.png' }]
    const out = await localiseImages(
      html,
      images,
      { ...deps, readLocal },
      {
        perImageBytes: 2000,
        perArticleBytes: 1000,
      },
    )
    expect(out.removed.map((r) => r.src)).toEqual(['big.png', 'b.png'])
    expect(out.bodyHtml).toMatch(/^<p>big<img src="assets\/[0-9a-f]{64}\.png">b<\/p>$/)
  })
})
