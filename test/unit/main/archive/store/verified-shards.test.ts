// Shards whose bytes were validated before are read without the schema (verified-shards.ts);
// any other bytes, however they came, are validated as on a first open.
import { hash } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { openArchiveStore } from '../../../../../main/archive/store/archive-store.ts'
import { makeArticle } from '../../../helpers/article.ts'
import { devicePath } from '../../../helpers/device-paths.ts'
import { tempDir } from '../../../helpers/temp-dir.ts'

const recordPath = (root: string) => devicePath(root, 'index', 'verified-shards.json')

async function archiveWith(id: string, title: string): Promise<string> {
  const root = await tempDir()
  const store = await openArchiveStore(root)
  store.catalog.put(makeArticle({ id, title }))
  await store.catalog.flush()
  await store.close()
  return root
}

describe('verified shards', () => {
  it('records the bytes a checkpoint wrote, and reads them back to the same records', async () => {
    const id = '5c00000000000001'
    const root = await archiveWith(id, 'Verified')
    const record = JSON.parse(await readFile(recordPath(root), 'utf8'))
    expect(Object.keys(record.shards)).toContain('5c')
    const first = await openArchiveStore(root)
    const expected = first.catalog.get(id)
    await first.close()
    const again = await openArchiveStore(root)
    expect(again.catalog.get(id)).toEqual(expected)
    expect(again.catalog.get(id)?.title).toBe('Verified')
    await again.close()
  })

  it('validates a shard whose bytes changed since, and rebuilds it when they fail', async () => {
    const id = '5c00000000000001'
    const root = await archiveWith(id, 'Verified')
    const path = join(root, 'catalog', '5c.json')
    // Valid JSON, invalid record: only the schema can tell.
    const shard = JSON.parse(await readFile(path, 'utf8'))
    shard.articles[id].wordCount = 'many'
    await writeFile(path, JSON.stringify(shard))
    const store = await openArchiveStore(root)
    expect(store.recoveries).toEqual([
      expect.objectContaining({ file: 'catalog/5c.json', lost: null }),
    ])
    expect(store.catalog.get(id)?.wordCount).toEqual(expect.any(Number))
    await store.close()
  })

  it('trusts nothing from a record made under another schema version', async () => {
    const id = '5c00000000000001'
    const root = await archiveWith(id, 'Verified')
    const path = join(root, 'catalog', '5c.json')
    const shard = JSON.parse(await readFile(path, 'utf8'))
    shard.articles[id].wordCount = 'many'
    await writeFile(path, JSON.stringify(shard))
    // A record that claims these very bytes, but under another schema: not believed.
    const record = JSON.parse(await readFile(recordPath(root), 'utf8'))
    record.shards['5c'] = hash('sha256', await readFile(path), 'base64')
    record.schema = -1
    await writeFile(recordPath(root), JSON.stringify(record))
    const store = await openArchiveStore(root)
    expect(store.recoveries.map((r) => r.file)).toEqual(['catalog/5c.json'])
    await store.close()
  })

  it('trusts a settled file by its identity, and validates it once written in place', async () => {
    const id = '5c00000000000001'
    const root = await archiveWith(id, 'Verified')
    const path = join(root, 'catalog', '5c.json')
    // The files' times are now seconds old: their identity settles (verified-shards.ts).
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.now() + 10_000)
    try {
      const first = await openArchiveStore(root)
      const expected = first.catalog.get(id)
      await first.close()
      const record = JSON.parse(await readFile(recordPath(root), 'utf8'))
      expect(record.files['5c']).toMatch(/^\d+:\d+:\d+:\d+$/)
      const again = await openArchiveStore(root)
      expect(again.catalog.get(id)).toEqual(expected)
      await again.close()

      // Same size, same inode, a value the schema refuses: the changed ctime gives it away.
      const text = await readFile(path, 'utf8')
      const bad = text.replace('"status":"unread"', '"status":"unreax"')
      expect(bad).not.toBe(text)
      await writeFile(path, bad)
      const store = await openArchiveStore(root)
      expect(store.recoveries).toEqual([
        expect.objectContaining({ file: 'catalog/5c.json', lost: null }),
      ])
      expect(store.catalog.get(id)?.status).toBe('unread')
      await store.close()
    } finally {
      vi.useRealTimers()
    }
  })
})
