import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openArchiveStore } from '../../../../../main/archive/store/archive-store.ts'
import { CURRENT_SCHEMA_VERSION } from '../../../../../main/archive/store/migrations.ts'
import { makeArticle } from '../../../helpers/article.ts'
import { tempDir } from '../../../helpers/temp-dir.ts'
import { devicePath } from '../../../helpers/device-paths.ts'

describe('openArchiveStore', () => {
  it('creates the documented layout in a new folder', async () => {
    const root = join(await tempDir(), 'My Archive')
    const store = await openArchiveStore(root)
    const top = ['.local.nosync', '.stignore', 'catalog', 'content', 'quire.json']
    expect((await readdir(root)).sort()).toEqual(top)
    const device = store.layout.deviceDir
    expect((await readdir(device)).sort()).toEqual(['journal', 'quire.lock'])
    await store.close()
    expect((await readdir(root)).sort()).toEqual(top)
    expect((await readdir(device)).sort()).toEqual(['journal'])
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
    // Durable in the journal at once; the shard file catches up at the checkpoint.
    const journal = await readdir(devicePath(root, 'journal'))
    const segment = await readFile(devicePath(root, 'journal', journal.sort().at(-1)!), 'utf8')
    expect(segment).toContain('Shard test')
    expect(await store.checkpoint()).toEqual(['3f'])
    const shard = JSON.parse(await readFile(join(root, 'catalog', '3f.json'), 'utf8'))
    expect(shard.articles[a.id].title).toBe('Shard test')
    await store.close()
    const again = await openArchiveStore(root)
    expect(again.catalog.get(a.id)).toEqual(a)
  })

  it('rewrites only the shard a write touches, at the checkpoint, not at the commit', async () => {
    const root = await tempDir()
    const store = await openArchiveStore(root)
    for (let i = 0; i < 256; i++) {
      store.catalog.put(makeArticle({ id: i.toString(16).padStart(2, '0') + '00000000000000' }))
    }
    await store.catalog.flush()
    expect(await store.checkpoint()).toHaveLength(256)
    const before = await stat(join(root, 'catalog', '7a.json'))
    const before01 = await stat(join(root, 'catalog', '01.json'))
    await new Promise((r) => setTimeout(r, 20))
    store.catalog.put(makeArticle({ id: '0100000000000009' }))
    await store.catalog.flush()
    expect((await stat(join(root, 'catalog', '01.json'))).mtimeMs).toBe(before01.mtimeMs)
    expect(await store.checkpoint()).toEqual(['01'])
    expect(await store.checkpoint()).toEqual([]) // nothing waits: no new segment either
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
    // An archive of schema 1, as the first Quire wrote it.
    const store = await openArchiveStore(root, { migrations: [], currentVersion: 1 })
    const a = makeArticle({ id: 'ab00000000000001', title: 'old title' })
    store.catalog.put(a)
    await store.catalog.flush()
    await store.close()
    const next = CURRENT_SCHEMA_VERSION + 1
    const migrations = [
      {
        to: next,
        record: (r: Record<string, unknown>) => ({ ...r, title: `${r.title as string}!` }),
      },
    ]
    const migrated = await openArchiveStore(root, { migrations, currentVersion: next })
    expect(migrated.catalog.get(a.id)?.title).toBe('old title!')
    expect(migrated.manifest.data.schemaVersion).toBe(next)
    await migrated.close()
    // Saved: reopening at that version does not run the step again.
    const reopened = await openArchiveStore(root, { migrations, currentVersion: next })
    expect(reopened.catalog.get(a.id)?.title).toBe('old title!')
  })

  it('rebuilds a damaged shard from the journal of a new archive, losing nothing', async () => {
    const root = await tempDir()
    const store = await openArchiveStore(root)
    const a = makeArticle({ id: '5c00000000000001', title: 'Journaled' })
    store.catalog.put(a)
    await store.catalog.flush()
    await store.close()
    await writeFile(join(root, 'catalog', '5c.json'), '{"articles": {"5c0')
    const again = await openArchiveStore(root)
    expect(again.readOnly).toBe(false)
    expect(again.catalog.get(a.id)).toEqual(a)
    expect(again.recoveries).toEqual([
      expect.objectContaining({
        file: 'catalog/5c.json',
        restoredFrom: null,
        lost: null,
        message: expect.stringMatching(
          /rebuilt from the journal of every change since the archive was created\. Nothing was lost\.$/,
        ),
      }),
    ])
    await again.close()
  })

  it('opens read-only, naming a damaged shard nothing can rebuild, instead of hiding records', async () => {
    const root = await tempDir()
    await (await openArchiveStore(root)).close()
    await rm(devicePath(root, 'journal'), { recursive: true })
    await writeFile(join(root, 'catalog', '5c.json'), '{"articles": {"5c0')
    const store = await openArchiveStore(root)
    expect(store.readOnly).toBe(true)
    expect(store.recoveries).toEqual([
      {
        file: 'catalog/5c.json',
        restoredFrom: null,
        backupDate: null,
        changesReplayed: 0,
        lost: 'the whole file',
        message: expect.stringMatching(
          /^catalog\/5c\.json is damaged \(not valid JSON.*neither a backup nor the journal/,
        ),
      },
    ])
    expect(() => store.assertWritable()).toThrow(/catalog\/5c\.json is damaged/)
    expect(await readFile(join(root, 'catalog', '5c.json'), 'utf8')).toBe('{"articles": {"5c0')
  })

  it('cleans up temp files of dead writers, and never reads them as data', async () => {
    const root = await tempDir()
    await (await openArchiveStore(root)).close()
    const leftover = join(root, 'catalog', '.5c.json.999999999.0123456789ab.tmp')
    await writeFile(leftover, '{"articles": {"5c0')
    const store = await openArchiveStore(root)
    expect(store.recoveries).toEqual([])
    expect(store.catalog.size).toBe(0)
    expect(await readdir(join(root, 'catalog'))).toEqual([])
  })
})
