// The write-ahead journal: what a commit puts on disk, how a torn or damaged line reads,
// and that a damaged shard comes back with every write since the last backup.
import { appendFile, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ArchiveService } from '../../../../../main/archive/service.ts'
import { openArchiveStore } from '../../../../../main/archive/store/archive-store.ts'
import {
  encodeEntry,
  encodeLine,
  listSegments,
  parseSegment,
  readSegment,
} from '../../../../../main/archive/store/journal-format.ts'
import { makeArticle } from '../../../helpers/article.ts'
import { tempDir } from '../../../helpers/temp-dir.ts'
import { devicePath } from '../../../helpers/device-paths.ts'

const DAY = 24 * 60 * 60 * 1000
const T0 = Date.parse('2024-06-01T09:00:00.000Z')
const at = (time: number) => ({ now: () => new Date(time) })
const file = { name: '000000000001.jsonl', path: '/x', start: 1 }
const header = { journal: 1, start: 1, since: 'creation', at: 'now' }
const entry = (seq: number) => ({ seq, at: 'now', v: 1, del: [`${seq}`] })

describe('journal lines', () => {
  it('reads whole lines, and a torn last line as torn, not as damage', () => {
    const good = Buffer.concat([encodeLine(header), encodeLine(entry(1)), encodeLine(entry(2))])
    const torn = Buffer.concat([good, encodeLine(entry(3)).subarray(0, 20)])
    const read = parseSegment(file, torn)
    expect(read.entries.map((e) => e.seq)).toEqual([1, 2])
    expect(read).toMatchObject({ tornTail: true, badLines: [], goodBytes: good.length })
  })

  it('names a damaged line in the middle and still reads the lines after it', () => {
    const second = encodeLine(entry(2))
    second[5] = second[5]! ^ 0x01 // one flipped bit fails the checksum
    const bytes = Buffer.concat([
      encodeLine(header),
      encodeLine(entry(1)),
      second,
      encodeLine(entry(3)),
    ])
    const read = parseSegment(file, bytes)
    expect(read.entries.map((e) => e.seq)).toEqual([1, 3])
    expect(read.badLines).toEqual([3])
    expect(read.tornTail).toBe(false)
  })
})

describe('the journal on disk', () => {
  it('commits one entry per flush, holding every record of a change to many shards', async () => {
    const root = await tempDir()
    const store = await openArchiveStore(root)
    const ids = ['0a00000000000001', '5c00000000000002', 'ff00000000000003']
    for (const id of ids) store.catalog.put(makeArticle({ id }))
    await store.catalog.flush()
    const [newest] = (await listSegments(devicePath(root, 'journal'))).slice(-1)
    const read = await readSegment(newest!)
    expect(read!.entries).toHaveLength(1)
    expect(read!.entries[0]!.put!.map((r) => r.id)).toEqual(ids)
    await store.close()
  })

  it('replays a change the shard files never got (a kill after the commit)', async () => {
    const root = await tempDir()
    const store = await openArchiveStore(root)
    const a = makeArticle({ id: '5c00000000000001', title: 'before' })
    store.catalog.put(a)
    await store.catalog.flush()
    await store.close()
    // What a kill between the commit and the shard write leaves: the journal has it, the
    // shard does not.
    const segments = await listSegments(devicePath(root, 'journal'))
    const changed = { ...a, title: 'after' }
    await appendFile(segments.at(-1)!.path, encodeLine({ seq: 99, at: 'x', v: 1, put: [changed] }))
    const again = await openArchiveStore(root)
    expect(again.catalog.get(a.id)?.title).toBe('after')
    expect(again.recoveries).toEqual([])
    // Written back and checkpointed: the shard file holds it now.
    const shard = JSON.parse(await readFile(join(root, 'catalog', '5c.json'), 'utf8'))
    expect(shard.articles[a.id].title).toBe('after')
    await again.close()
  })

  it('brings back every one of 50 writes made since the last backup when a shard is damaged', async () => {
    const root = join(await tempDir(), 'archive')
    const first = await ArchiveService.open(root, at(T0))
    const imported = await first.importUploads(
      Array.from({ length: 6 }, (_, i) => ({
        name: `s${i}.txt`,
        bytes: new TextEncoder().encode(`Story ${i}\n\nThe body of story ${i}.\n`),
      })),
    )
    const ids = imported.results.flatMap((r) => (r.status === 'imported' ? [r.id] : []))
    await first.close()
    // The next day's open makes the daily backup; then 50 writes, some across shards.
    const service = await ArchiveService.open(root, at(T0 + DAY))
    await service.swept
    expect((await readdir(devicePath(root, 'backups'))).length).toBe(1)
    const expected = new Map<string, string[]>()
    for (let i = 0; i < 50; i++) {
      const id = ids[i % ids.length]!
      const tags = [`write-${i}`]
      if (i % 10 === 9) await service.bulkUpdate(ids, { addTags: tags })
      else await service.update(id, { tags })
      for (const target of i % 10 === 9 ? ids : [id]) {
        expected.set(target, i % 10 === 9 ? [...(expected.get(target) ?? []), ...tags] : tags)
      }
    }
    await service.close()

    // Every shard that holds one of them is damaged.
    for (const key of new Set(ids.map((id) => id.slice(0, 2)))) {
      await writeFile(join(root, 'catalog', `${key}.json`), '{"articles": {"garbage')
    }
    const again = await ArchiveService.open(root, at(T0 + DAY + 1000))
    expect(again.recoveries.length).toBeGreaterThan(0)
    for (const r of again.recoveries) {
      expect(r).toMatchObject({ lost: null, restoredFrom: expect.stringMatching(/^backups\//) })
      expect(r.message).toMatch(/Nothing was lost\.$/)
    }
    expect((await again.info()).readOnly).toBe(false)
    for (const [id, tags] of expected) expect((await again.get(id)).article.tags).toEqual(tags)
    await again.close()
  })
})

describe('journal entries', () => {
  it('are written record by record as the same bytes as the whole entry in one go', () => {
    const entry = {
      seq: 7,
      at: '2024-06-01T09:00:00.000Z',
      v: 1,
      put: [makeArticle({ id: '5c00000000000001', title: 'Çelik "q" \u2028' }), makeArticle()],
      del: ['5c00000000000002'],
      manifest: { format: 'quire-archive', tags: [] },
    }
    expect(encodeEntry(entry).equals(encodeLine(entry))).toBe(true)
    const bare = { seq: 8, at: 'x', v: 1 }
    expect(encodeEntry(bare).equals(encodeLine(bare))).toBe(true)
  })
})
