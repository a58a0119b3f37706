// The sweep in a synced archive: a body (and its images) that arrived before the shard
// naming it is never deleted, and comes back when its record does.
import { randomBytes } from 'node:crypto'
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ArchiveService } from '../../../../../main/archive/service.ts'
import { SWEEP_GRACE_MS } from '../../../../../main/archive/store/sweep.ts'
import { SWEPT_KEEP_MS } from '../../../../../main/archive/store/swept-files.ts'
import { tempDir } from '../../../helpers/temp-dir.ts'

const DAY = 24 * 60 * 60 * 1000

async function savedPage(dir: string): Promise<string> {
  const folder = join(dir, 'page')
  await mkdir(folder, { recursive: true })
  const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), randomBytes(40)])
  await writeFile(join(folder, 'own.png'), png)
  const text = Array.from(
    { length: 5 },
    (_, i) => `<p>Paragraph ${i} with enough words to read as an article body here.</p>`,
  )
  await writeFile(
    join(folder, 'page.html'),
    `<!doctype html><html><head><title>Synced</title></head><body><article><h1>Synced</h1>` +
      `${text.join('')}<p><img src="own.png" alt="own"></p></article></body></html>`,
  )
  return join(folder, 'page.html')
}

/** An archive holding one article with an image, and its shard file taken away. */
async function bodyWithoutItsRecord() {
  const dir = await tempDir()
  const root = join(dir, 'archive')
  const service = await ArchiveService.open(root)
  const report = await service.importPaths([await savedPage(dir)])
  const id = report.results.flatMap((r) => (r.status === 'imported' ? [r.id] : []))[0]!
  await service.close()
  // As another device's files arrive: its body and image are here, its shard is not yet.
  const shard = join(root, 'catalog', `${id.slice(0, 2)}.json`)
  const shardBytes = await readFile(shard)
  await rm(shard)
  const asset = (await readdir(join(root, 'assets')))[0]!
  return { root, id, shard, shardBytes, asset }
}

const at = (ms: number) => ({ now: () => new Date(Date.now() + ms) })

describe('the sweep in a synced archive', () => {
  it('leaves a body whose record has not arrived yet, within the grace period', async () => {
    const { root, id, asset } = await bodyWithoutItsRecord()
    const service = await ArchiveService.open(root, at(DAY))
    expect(await service.swept).toMatchObject({ bodies: 0, assets: 0 })
    await service.close()
    expect(existsSync(join(root, 'content', `${id}.html`))).toBe(true)
    expect(existsSync(join(root, 'assets', asset))).toBe(true)
  })

  it('moves an unowned body aside past the grace, and puts it back when its record comes', async () => {
    const { root, id, shard, shardBytes, asset } = await bodyWithoutItsRecord()
    const first = await ArchiveService.open(root, at(SWEEP_GRACE_MS + DAY))
    expect(await first.swept).toMatchObject({ bodies: 1, assets: 1 })
    await first.close()
    expect(existsSync(join(root, 'content', `${id}.html`))).toBe(false)
    expect(existsSync(join(root, 'swept', 'content', `${id}.html`))).toBe(true)
    expect(existsSync(join(root, 'swept', 'assets', asset))).toBe(true)

    await writeFile(shard, shardBytes) // the record arrives at last
    const second = await ArchiveService.open(root, at(SWEEP_GRACE_MS + 2 * DAY))
    // Put back by the open's merge of what the engine brought (merge-files.ts), else by the sweep.
    expect(await second.swept).toMatchObject({ bodies: 0 })
    expect((await second.get(id)).body).toContain(`assets/${asset}`)
    await second.close()
    expect(existsSync(join(root, 'content', `${id}.html`))).toBe(true)
    expect(existsSync(join(root, 'assets', asset))).toBe(true)
    expect(await readdir(join(root, 'swept', 'content'))).toEqual([])
  })

  it('deletes what no record claimed once it has waited its time aside', async () => {
    const { root, id, asset } = await bodyWithoutItsRecord()
    const first = await ArchiveService.open(root, at(SWEEP_GRACE_MS + DAY))
    await first.swept
    await first.close()
    const last = await ArchiveService.open(root, at(SWEPT_KEEP_MS + DAY))
    await last.swept
    await last.close()
    expect(existsSync(join(root, 'swept', 'content', `${id}.html`))).toBe(false)
    expect(existsSync(join(root, 'swept', 'assets', asset))).toBe(false)
  })
})
