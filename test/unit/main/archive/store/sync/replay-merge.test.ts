// A change that waited in this device's journal for a checkpoint (a kill, a laptop shut)
// meets a newer shard synced in from another device: replay merges, never overwrites.
import { appendFile, readFile, writeFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { openArchiveStore } from '../../../../../../main/archive/store/archive-store.ts'
import { encodeLine, listSegments } from '../../../../../../main/archive/store/journal-format.ts'
import { archiveLayout, shardPath } from '../../../../../../main/archive/store/layout.ts'
import { CURRENT_SCHEMA_VERSION } from '../../../../../../main/archive/store/migrations.ts'
import { makeArticle } from '../../../../helpers/article.ts'
import { tempDir } from '../../../../helpers/temp-dir.ts'

const ID = '5c00000000000001'

describe('replaying the journal over a synced shard', () => {
  it("keeps the other device's newer edit and this device's journaled one", async () => {
    const root = await tempDir()
    const shard = shardPath(archiveLayout(root), '5c')
    const first = await openArchiveStore(root, { deviceId: 'desk' })
    first.catalog.put(
      makeArticle({ id: ID, title: 'Base title', importedAt: '2026-01-01T00:00:00.000Z' }),
    )
    await first.catalog.flush()
    await first.close()
    const base = await readFile(shard)

    // The desk tags it; the change is committed to its journal, never checkpointed.
    const desk = await openArchiveStore(root, { deviceId: 'desk' })
    desk.catalog.put({ ...desk.catalog.get(ID)!, tags: ['desk-tag'] })
    await desk.catalog.flush()
    const journaled = desk.catalog.get(ID)!
    await desk.close()
    await writeFile(shard, base)

    // Meanwhile the laptop retitles it, later, and its shard file arrives.
    await new Promise((r) => setTimeout(r, 5))
    const laptop = await openArchiveStore(root, { deviceId: 'laptop' })
    laptop.catalog.put({ ...laptop.catalog.get(ID)!, title: 'Laptop title' })
    await laptop.catalog.flush()
    await laptop.close()

    const segments = await listSegments(archiveLayout(root, 'desk').journalDir)
    const line = {
      seq: 99,
      at: new Date().toISOString(),
      v: CURRENT_SCHEMA_VERSION,
      put: [journaled],
    }
    await appendFile(segments.at(-1)!.path, encodeLine(line))

    const again = await openArchiveStore(root, { deviceId: 'desk' })
    const merged = again.catalog.get(ID)!
    expect(merged.title).toBe('Laptop title')
    expect(merged.tags).toEqual(['desk-tag'])
    await again.close()
  })
})
