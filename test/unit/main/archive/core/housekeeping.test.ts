// The idle checkpoint: a write is durable in the journal at once; the shard files catch up
// once the writes pause, and the index hears which files were rewritten.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createCore } from '../../../../../main/archive/core/archive-core.ts'
import { startHousekeeping } from '../../../../../main/archive/core/housekeeping.ts'
import { openArchiveStore } from '../../../../../main/archive/store/archive-store.ts'
import { makeArticle } from '../../../helpers/article.ts'
import { tempDir } from '../../../helpers/temp-dir.ts'

async function shardHolds(root: string, key: string, id: string): Promise<boolean> {
  const text = await readFile(join(root, 'catalog', `${key}.json`), 'utf8').catch(() => '{}')
  return Object.hasOwn((JSON.parse(text) as { articles?: object }).articles ?? {}, id)
}

describe('housekeeping', () => {
  it('checkpoints once the writes pause, and tells the index which shards it wrote', async () => {
    const root = await tempDir()
    const store = await openArchiveStore(root)
    const core = createCore(
      () => store,
      () => {},
    )
    const heard: string[][] = []
    const housekeeping = startHousekeeping(
      core,
      { checkpointed: async (keys) => void heard.push(keys) },
      100,
    )
    await housekeeping.swept
    const a = makeArticle({ id: '3f00000000000001' })
    await core.write(async () => {
      store.catalog.put(a)
      await store.catalog.flush()
    })
    // Durable and readable at once; not yet in its shard file.
    expect(core.require(a.id)).toEqual(a)
    expect(await shardHolds(root, '3f', a.id)).toBe(false)
    await expect.poll(() => shardHolds(root, '3f', a.id), { timeout: 10_000 }).toBe(true)
    await expect.poll(() => heard, { timeout: 10_000 }).toEqual([['3f']])

    // Closing checkpoints what the last writes left, without waiting for the pause.
    const b = makeArticle({ id: '4a00000000000001' })
    await core.write(async () => {
      store.catalog.put(b)
      await store.catalog.flush()
    })
    await housekeeping.close()
    expect(await shardHolds(root, '4a', b.id)).toBe(true)
    expect(heard).toEqual([['3f'], ['4a']])
    await store.close()
  })
})
