// Deletions travel between devices and are forgotten only when no device can bring the
// record back: the rules (sync/tombstones.ts) and two devices on one folder.
import { copyFile, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openArchiveStore } from '../../../../../../main/archive/store/archive-store.ts'
import { archiveLayout, shardPath } from '../../../../../../main/archive/store/layout.ts'
import {
  isExpired,
  tendTombstones,
  TOMBSTONE_MAX_AGE_MS,
  TOMBSTONE_SEEN_KEEP_MS,
} from '../../../../../../main/archive/store/sync/tombstones.ts'
import { makeArticle } from '../../../../helpers/article.ts'
import { tempDir } from '../../../../helpers/temp-dir.ts'

const DAY = 24 * 60 * 60 * 1000
const T0 = Date.parse('2026-01-01T00:00:00.000Z')
const tomb = (seen: string[]) => ({ at: '2026-01-01T00:00:00.000Z/desk', seen })

describe('when a tombstone expires', () => {
  it('waits for every known device, then for the keep period', () => {
    const devices = ['desk', 'laptop']
    const late = T0 + TOMBSTONE_SEEN_KEEP_MS + DAY
    expect(isExpired(tomb(['desk']), devices, late)).toBe(false)
    expect(isExpired(tomb(['desk', 'laptop']), devices, T0 + DAY)).toBe(false)
    expect(isExpired(tomb(['desk', 'laptop']), devices, late)).toBe(true)
  })

  it('goes after the maximum age whoever has seen it, and never on an unreadable time', () => {
    const devices = ['desk', 'laptop']
    expect(isExpired(tomb(['desk']), devices, T0 + TOMBSTONE_MAX_AGE_MS + DAY)).toBe(true)
    expect(isExpired({ at: 'garbage', seen: ['desk'] }, ['desk'], T0 + 1000 * DAY)).toBe(false)
  })

  it('signs a tombstone as seen by this device and drops what expired', () => {
    const removed = { a: tomb(['desk']), b: tomb(['desk']) }
    const signed = tendTombstones(removed, 'laptop', ['desk', 'laptop'], T0 + DAY)
    expect(signed.changed).toBe(true)
    expect(signed.removed.a!.seen).toEqual(['desk', 'laptop'])
    const later = T0 + TOMBSTONE_SEEN_KEEP_MS + DAY
    expect(tendTombstones(signed.removed, 'laptop', ['desk', 'laptop'], later).removed).toEqual({})
    // Nothing to do: the same object back, so no shard is rewritten for nothing.
    const same = tendTombstones(signed.removed, 'laptop', ['desk', 'laptop'], T0 + DAY)
    expect(same).toEqual({ removed: signed.removed, changed: false })
  })
})

describe('a deletion across two devices', () => {
  const ID = '5c00000000000001'
  const OTHER = '5c00000000000002'

  async function seeded(): Promise<string> {
    const root = await tempDir()
    const store = await openArchiveStore(root, { deviceId: 'desk' })
    store.catalog.put(makeArticle({ id: ID, title: 'Deleted on the desk' }))
    store.catalog.put(makeArticle({ id: OTHER, title: 'Kept' }))
    await store.catalog.flush()
    await store.close()
    // The laptop opens the same folder once (it is a known device from its first write).
    const laptop = await openArchiveStore(root, { deviceId: 'laptop' })
    laptop.catalog.put({ ...laptop.catalog.get(OTHER)!, title: 'Kept, seen on the laptop' })
    await laptop.catalog.flush()
    await laptop.close()
    return root
  }

  it('stays deleted when the other device syncs back its older copy of the shard', async () => {
    const root = await seeded()
    const shard = shardPath(archiveLayout(root), '5c')
    const older = await readFile(shard) // the laptop's copy, from before the deletion

    const desk = await openArchiveStore(root, { deviceId: 'desk' })
    desk.catalog.remove(ID)
    await desk.catalog.flush()
    await desk.close()
    const deleted = JSON.parse(await readFile(shard, 'utf8'))
    expect(deleted.removed[ID].seen).toEqual(['desk'])

    // The laptop edits another record of the shard, offline; both copies meet as a conflict.
    await writeFile(shard, older)
    const laptop = await openArchiveStore(root, { deviceId: 'laptop' })
    laptop.catalog.put({ ...laptop.catalog.get(OTHER)!, title: 'Edited on the laptop' })
    await laptop.catalog.flush()
    await laptop.close()
    await copyFile(shard, join(root, 'catalog', '5c.sync-conflict-20261207-191500-ABCDEF7.json'))
    await writeFile(shard, JSON.stringify(deleted))

    for (const deviceId of ['desk', 'laptop']) {
      const store = await openArchiveStore(root, { deviceId })
      expect(store.catalog.get(ID), deviceId).toBeUndefined()
      expect(store.catalog.get(OTHER)?.title).toBe('Edited on the laptop')
      await store.close()
    }
    // Both devices have seen the deletion now.
    const after = JSON.parse(await readFile(shard, 'utf8'))
    expect(after.removed[ID].seen).toEqual(['desk', 'laptop'])
    expect(JSON.parse(await readFile(join(root, 'quire.json'), 'utf8')).devices).toEqual([
      'desk',
      'laptop',
    ])
  })

  it('forgets the tombstone once every known device saw it and the keep period passed', async () => {
    const root = await seeded()
    const desk = await openArchiveStore(root, { deviceId: 'desk' })
    desk.catalog.remove(ID)
    await desk.catalog.flush()
    await desk.close()
    const shard = shardPath(archiveLayout(root), '5c')
    const soon = () => new Date(Date.now() + DAY)
    const laptop = await openArchiveStore(root, { deviceId: 'laptop', now: soon })
    await laptop.close()
    expect(JSON.parse(await readFile(shard, 'utf8')).removed[ID].seen).toEqual(['desk', 'laptop'])

    const later = () => new Date(Date.now() + TOMBSTONE_SEEN_KEEP_MS + DAY)
    const again = await openArchiveStore(root, { deviceId: 'desk', now: later })
    await again.close()
    expect(JSON.parse(await readFile(shard, 'utf8')).removed).toBeUndefined()
  })
})
