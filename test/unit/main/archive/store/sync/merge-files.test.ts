// Two devices on one synced folder, the sync engine played by hand: a conflict copy left
// beside a shard, a shard replaced in place while the app runs.
import { existsSync } from 'node:fs'
import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openArchiveStore } from '../../../../../../main/archive/store/archive-store.ts'
import { shardPath, archiveLayout } from '../../../../../../main/archive/store/layout.ts'
import { makeArticle } from '../../../../helpers/article.ts'
import { tempDir } from '../../../../helpers/temp-dir.ts'

const ID = '5c00000000000001'

async function edit(
  root: string,
  deviceId: string,
  change: (a: ReturnType<typeof makeArticle>) => ReturnType<typeof makeArticle>,
) {
  const store = await openArchiveStore(root, { deviceId })
  const a = store.catalog.get(ID)!
  store.catalog.put(change({ ...a, updatedAt: new Date().toISOString() }))
  await store.catalog.flush()
  await store.close()
}

async function seeded(): Promise<string> {
  const root = await tempDir()
  const store = await openArchiveStore(root, { deviceId: 'desk' })
  store.catalog.put(makeArticle({ id: ID, note: 'shared start' }))
  await store.catalog.flush()
  await store.close()
  return root
}

describe('merging what the sync engine brought', () => {
  it('merges a Syncthing conflict copy at open, writes the result and removes the copy', async () => {
    const root = await seeded()
    const shard = shardPath(archiveLayout(root), '5c')
    const base = await readFile(shard)
    await edit(root, 'desk', (a) => ({ ...a, tags: ['gaza'], note: 'desk text' }))
    const desk = await readFile(shard)
    await writeFile(shard, base) // the laptop edits the same start, apart
    await edit(root, 'laptop', (a) => ({ ...a, tags: ['economy'], note: 'laptop text' }))
    // What Syncthing leaves: one side's file in place, the other's as a conflict copy.
    const copy = join(root, 'catalog', '5c.sync-conflict-20261207-191500-ABCDEF7.json')
    await copyFile(shard, copy)
    await writeFile(shard, desk)

    const store = await openArchiveStore(root, { deviceId: 'desk' })
    const merged = store.catalog.get(ID)!
    expect(merged.tags.sort()).toEqual(['economy', 'gaza'])
    expect(merged.note).toContain('desk text')
    expect(merged.note).toContain('laptop text')
    expect(existsSync(copy)).toBe(false)
    expect(store.lastMerge?.merged).toEqual([
      {
        file: 'catalog/5c.sync-conflict-20261207-191500-ABCDEF7.json',
        provider: 'syncthing',
        records: 1,
        notesKeptBoth: 1,
      },
    ])
    await store.close()
    const onDisk = JSON.parse(await readFile(shard, 'utf8'))
    expect(onDisk.articles[ID].tags.sort()).toEqual(['economy', 'gaza'])
  })

  it('keeps a copy it cannot read aside, never deleted, and says so', async () => {
    const root = await seeded()
    await writeFile(
      join(root, 'catalog', "5c (Ann's conflicted copy 2026-12-07).json"),
      '{"articles": {"x"',
    )
    const store = await openArchiveStore(root, { deviceId: 'desk' })
    expect(store.lastMerge?.unmerged).toHaveLength(1)
    const kept = join(root, store.lastMerge!.unmerged[0]!.keptAt)
    expect(await readFile(kept, 'utf8')).toBe('{"articles": {"x"')
    expect((await readdir(join(root, 'catalog'))).some((n) => n.includes('conflicted'))).toBe(false)
    await store.close()
  })

  it('merges a shard replaced while the app runs, and never writes the older one over it', async () => {
    const root = await seeded()
    const shard = shardPath(archiveLayout(root), '5c')
    const store = await openArchiveStore(root, { deviceId: 'desk' })
    // The other device's copy arrives: a tag added there.
    const theirs = JSON.parse(await readFile(shard, 'utf8'))
    const rec = theirs.articles[ID]
    theirs.articles[ID] = {
      ...rec,
      tags: ['from-laptop'],
      updatedAt: new Date(Date.now() + 5).toISOString(),
      clock: { t: { 'from-laptop': `${new Date(Date.now() + 5).toISOString()}/laptop` } },
    }
    await writeFile(shard, JSON.stringify(theirs))
    // Meanwhile this device tags it too: the commit must not write the older shard over theirs.
    store.catalog.put({ ...store.catalog.get(ID)!, tags: ['from-desk'] })
    await store.catalog.flush()
    expect(JSON.parse(await readFile(shard, 'utf8')).articles[ID].tags).toEqual(['from-laptop'])
    const report = await store.mergeSynced()
    expect(report?.changed).toEqual([ID])
    expect(store.catalog.get(ID)!.tags.sort()).toEqual(['from-desk', 'from-laptop'])
    await store.close()
    expect(JSON.parse(await readFile(shard, 'utf8')).articles[ID].tags.sort()).toEqual([
      'from-desk',
      'from-laptop',
    ])
  })

  it('merges a conflict copy of quire.json (tags of both sides)', async () => {
    const root = await seeded()
    const store = await openArchiveStore(root, { deviceId: 'desk' })
    store.manifest.data.tags.push({ name: 'desk-tag', color: '#112233' })
    await store.manifest.write()
    await store.close()
    const manifest = JSON.parse(await readFile(join(root, 'quire.json'), 'utf8'))
    // The laptop's copy never saw desk-tag (nor its clock); it added one of its own.
    manifest.tags = [{ name: 'laptop-tag', color: '#445566' }]
    manifest.clock = { tags: { 'laptop-tag': { at: '2026-01-01T00:00:00.000Z/laptop' } } }
    await writeFile(join(root, 'quire 2.json'), JSON.stringify(manifest))
    const again = await openArchiveStore(root, { deviceId: 'desk' })
    expect(again.manifest.data.tags.map((t) => t.name).sort()).toEqual(['desk-tag', 'laptop-tag'])
    expect(existsSync(join(root, 'quire 2.json'))).toBe(false)
    await again.close()
  })

  it('keeps a saved search deleted here deleted when an older copy of quire.json still has it', async () => {
    const root = await seeded()
    const search = { id: '00000000000000b1', name: 'Gaza', query: 'gaza', createdAt: 'x' }
    let store = await openArchiveStore(root, { deviceId: 'desk' })
    store.manifest.data.savedSearches = [search]
    await store.manifest.write()
    await store.close()
    // The laptop's copy from before the deletion, with one search of its own added since.
    const older = JSON.parse(await readFile(join(root, 'quire.json'), 'utf8'))
    store = await openArchiveStore(root, { deviceId: 'desk' })
    store.manifest.data.savedSearches = []
    await store.manifest.write()
    await store.close()
    const own = { ...search, id: '00000000000000b2', name: 'Own' }
    older.savedSearches.push(own)
    older.clock.savedSearches[own.id] = { at: `${new Date().toISOString()}/laptop` }
    await writeFile(
      join(root, 'quire.sync-conflict-20261207-191500-LAPTOP1.json'),
      JSON.stringify(older),
    )
    const again = await openArchiveStore(root, { deviceId: 'desk' })
    expect(again.manifest.data.savedSearches.map((s) => s.name)).toEqual(['Own'])
    await again.close()
    const onDisk = JSON.parse(await readFile(join(root, 'quire.json'), 'utf8'))
    expect(onDisk.clock.savedSearches[search.id].seen).toEqual(['desk'])
  })
})
