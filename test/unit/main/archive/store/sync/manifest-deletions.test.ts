// Through the operations a person uses: a tag's colour, a feed and a saved search deleted on
// this device stay deleted when the other device's older quire.json arrives as a conflict
// copy, and one the other device added after that copy's start comes in.
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ArchiveService } from '../../../../../../main/archive/service.ts'
import { tempDir } from '../../../../helpers/temp-dir.ts'

const OPML = `<?xml version="1.0"?><opml version="2.0"><head><title>f</title></head><body>
<outline type="rss" text="Wire" xmlUrl="https://example.com/wire.xml"/>
</body></opml>`

describe('deletions in quire.json across devices', () => {
  it('keeps a deleted tag colour, feed and saved search deleted when an older copy arrives', async () => {
    const root = await tempDir()
    let service = await ArchiveService.open(root)
    await service.setTagColor('gaza', '#112233')
    const { feeds } = await service.importOpml(new TextEncoder().encode(OPML))
    const search = await service.saveSearch({ name: 'Gaza', query: 'gaza' })
    await service.close()
    const older = JSON.parse(await readFile(join(root, 'quire.json'), 'utf8'))

    service = await ArchiveService.open(root)
    await service.deleteTag('gaza')
    await service.unsubscribeFeed(feeds[0]!.id)
    await service.deleteSearch(search.id)
    await service.close()

    // The other device, still holding all three, saved a search of its own meanwhile.
    const own = { id: '00000000000000c1', name: 'Laptop', query: 'x', createdAt: 'y' }
    older.savedSearches.push(own)
    older.clock.savedSearches[own.id] = { at: `${new Date().toISOString()}/laptop` }
    await writeFile(join(root, 'quire (1).json'), JSON.stringify(older))

    service = await ArchiveService.open(root)
    expect(await service.feeds()).toEqual([])
    expect((await service.savedSearches()).map((s) => s.name)).toEqual(['Laptop'])
    await service.close()
    // A colour is kept in quire.json's tags (the tag list counts articles, and none has it).
    const merged = JSON.parse(await readFile(join(root, 'quire.json'), 'utf8'))
    expect(merged.tags).toEqual([])
    expect(Object.keys(merged.clock.tags)).toEqual(['gaza'])
  })
})
