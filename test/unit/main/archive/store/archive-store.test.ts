import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openArchiveStore } from '../../../../../main/archive/store/archive-store.ts'
import { CURRENT_SCHEMA_VERSION } from '../../../../../main/archive/store/migrations.ts'
import { makeArticle } from '../../../helpers/article.ts'
import { tempDir } from '../../../helpers/temp-dir.ts'

describe('openArchiveStore', () => {
  it('creates the documented layout in a new folder', async () => {
    const root = join(await tempDir(), 'My Archive')
    await openArchiveStore(root)
    expect((await readdir(root)).sort()).toEqual(['catalog', 'content', 'quire.json'])
    const manifest = JSON.parse(await readFile(join(root, 'quire.json'), 'utf8'))
    expect(manifest).toMatchObject({
      format: 'quire-archive',
      schemaVersion: CURRENT_SCHEMA_VERSION,
    })
  })

  it('persists records across reopen, in the shard named by the id', async () => {
    const root = await tempDir()
    const store = await openArchiveStore(root)
    const a = makeArticle({ id: '3f00000000000001', title: 'Shard test' })
    store.catalog.put(a)
    await store.catalog.flush()
    const shard = JSON.parse(await readFile(join(root, 'catalog', '3f.json'), 'utf8'))
    expect(shard.articles[a.id].title).toBe('Shard test')
    const again = await openArchiveStore(root)
    expect(again.catalog.get(a.id)).toEqual(a)
  })

  it('rewrites only the shard a write touches', async () => {
    const root = await tempDir()
    const store = await openArchiveStore(root)
    for (let i = 0; i < 256; i++) {
      store.catalog.put(makeArticle({ id: i.toString(16).padStart(2, '0') + '00000000000000' }))
    }
    await store.catalog.flush()
    const before = await stat(join(root, 'catalog', '7a.json'))
    await new Promise((r) => setTimeout(r, 20))
    store.catalog.put(makeArticle({ id: '0100000000000009' }))
    await store.catalog.flush()
    expect((await stat(join(root, 'catalog', '7a.json'))).mtimeMs).toBe(before.mtimeMs)
    expect((await stat(join(root, 'catalog', '01.json'))).mtimeMs).toBeGreaterThan(before.mtimeMs)
  })

  it('refuses an archive from a newer Quire with a clear message', async () => {
    const root = await tempDir()
    await writeFile(
      join(root, 'quire.json'),
      JSON.stringify({ format: 'quire-archive', schemaVersion: 99, createdAt: 'x', tags: [] }),
    )
    await expect(openArchiveStore(root)).rejects.toThrow(/newer Quire \(schema 99\)/)
  })

  it('runs migration steps on the manifest and every record, then saves them', async () => {
    const root = await tempDir()
    const store = await openArchiveStore(root)
    const a = makeArticle({ id: 'ab00000000000001', title: 'old title' })
    store.catalog.put(a)
    await store.catalog.flush()
    const migrations = [
      { to: 2, record: (r: Record<string, unknown>) => ({ ...r, title: `${r.title as string}!` }) },
    ]
    const migrated = await openArchiveStore(root, { migrations, currentVersion: 2 })
    expect(migrated.catalog.get(a.id)?.title).toBe('old title!')
    expect(migrated.manifest.data.schemaVersion).toBe(2)
    // Saved: reopening at version 2 does not run the step again.
    const reopened = await openArchiveStore(root, { migrations, currentVersion: 2 })
    expect(reopened.catalog.get(a.id)?.title).toBe('old title!')
  })

  it('names a damaged shard instead of opening with records missing', async () => {
    const root = await tempDir()
    await openArchiveStore(root)
    await writeFile(join(root, 'catalog', '5c.json'), '{"articles": {"5c0')
    await expect(openArchiveStore(root)).rejects.toThrow(/5c\.json is damaged/)
  })
})
