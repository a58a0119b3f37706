// Nothing on disk without an owner: the sweep at open, and emptying the trash for good.
import { randomBytes } from 'node:crypto'
import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ArchiveService } from '../../../../../main/archive/service.ts'
import { SWEEP_GRACE_MS } from '../../../../../main/archive/store/sweep.ts'
import { tempDir } from '../../../helpers/temp-dir.ts'

function png(): Buffer {
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    randomBytes(40),
  ])
}

/** A saved page with its own image, and optionally one shared with other pages. */
async function page(dir: string, name: string, shared?: Buffer): Promise<string> {
  const folder = join(dir, name)
  await mkdir(folder, { recursive: true })
  await writeFile(join(folder, 'own.png'), png())
  if (shared) await writeFile(join(folder, 'shared.png'), shared)
  const text = Array.from(
    { length: 5 },
    (_, i) => `<p>${name} paragraph ${i} with enough words to read as an article body here.</p>`,
  )
  await writeFile(
    join(folder, 'page.html'),
    `<!doctype html><html><head><title>${name}</title></head><body><article><h1>${name}</h1>` +
      `${text.join('')}<p><img src="own.png" alt="own"></p>` +
      (shared ? `<p><img src="shared.png" alt="shared"></p>` : '') +
      `</article></body></html>`,
  )
  return join(folder, 'page.html')
}

const ids = (r: Awaited<ReturnType<ArchiveService['importPaths']>>) =>
  r.results.flatMap((x) => (x.status === 'imported' ? [x.id] : []))

describe('the sweep at open', () => {
  it('removes bodies, versions and images no record owns, and nothing else', async () => {
    const dir = await tempDir()
    const root = join(dir, 'archive')
    const service = await ArchiveService.open(root)
    const [kept] = ids(await service.importPaths([await page(dir, 'kept')]))
    await service.close()
    const assetsBefore = await readdir(join(root, 'assets'))
    expect(assetsBefore).toHaveLength(1)

    // What a killed import or empty-trash leaves behind, from before the next open.
    const past = new Date(Date.now() - 60_000)
    const orphanBody = join(root, 'content', 'abcdef0123456789.html')
    const orphanVersion = join(root, 'content', `${kept}.v3.html`)
    const orphanAsset = join(root, 'assets', `${'a'.repeat(64)}.png`)
    for (const f of [orphanBody, orphanVersion, orphanAsset]) {
      await writeFile(f, f.endsWith('.png') ? png() : '<p>x</p>')
      await utimes(f, past, past)
    }
    // And one written "now", as by a write of the session that is opening: never touched.
    const young = join(root, 'content', '0123456789abcdef.html')
    const future = new Date(Date.now() + 60_000)
    await writeFile(young, '<p>being written</p>')
    await utimes(young, future, future)

    // Past the grace period (sweep.ts) that lets a synced record catch up with its body.
    const later = new Date(Date.now() + SWEEP_GRACE_MS + 60_000)
    const again = await ArchiveService.open(root, { now: () => later })
    expect(await again.swept).toMatchObject({ bodies: 1, versions: 1, assets: 1 })
    expect((await readdir(join(root, 'content'))).sort()).toEqual(
      [`${kept}.html`, '0123456789abcdef.html'].sort(),
    )
    expect(await readdir(join(root, 'assets'))).toEqual(assetsBefore)
    expect((await again.get(kept!)).body).toContain('assets/')
    await again.close()
  })
})

describe('emptying the trash', () => {
  it('deletes the bodies and the images only trashed articles used, at once', async () => {
    const dir = await tempDir()
    const root = join(dir, 'archive')
    const service = await ArchiveService.open(root)
    const shared = png()
    const [keep] = ids(await service.importPaths([await page(dir, 'keep', shared)]))
    const [gone] = ids(await service.importPaths([await page(dir, 'gone', shared)]))
    expect(await readdir(join(root, 'assets'))).toHaveLength(3) // two own, one shared
    await service.delete([gone!])
    expect(await service.emptyTrash()).toEqual({ count: 1 })
    expect(await readdir(join(root, 'content'))).toEqual([`${keep}.html`])
    const body = (await service.get(keep!)).body
    const left = await readdir(join(root, 'assets'))
    expect(left).toHaveLength(2) // the kept article's own image and the shared one
    for (const name of left) expect(body).toContain(`assets/${name}`)
    await service.close()
  })
})
