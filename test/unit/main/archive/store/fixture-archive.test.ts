import { cp, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ListQuerySchema } from '../../../../../shared/api.ts'
import { CURRENT_SCHEMA_VERSION } from '../../../../../main/archive/store/migrations.ts'
import { ArchiveService } from '../../../../../main/archive/service.ts'
import { openArchiveStore } from '../../../../../main/archive/store/archive-store.ts'
import { tempDir } from '../../../helpers/temp-dir.ts'

const FIXTURE = join(import.meta.dirname, '../../../../fixtures/archives/schema-1')

/** A copy of the hand-written archive: tests never open the fixture in place. */
async function copyOfFixture(): Promise<string> {
  const root = join(await tempDir(), 'old archive')
  await cp(FIXTURE, root, { recursive: true })
  return root
}

describe('a schema-1 archive written by hand', () => {
  it('opens as it is, with every record, body, annotation and tag colour', async () => {
    const service = await ArchiveService.open(await copyOfFixture())
    expect(service.recoveries).toEqual([])
    // Opening migrates it to the current schema (3: every record says it is an article).
    expect(await service.info()).toMatchObject({
      schemaVersion: CURRENT_SCHEMA_VERSION,
      articleCount: 2,
      trashCount: 1,
      readOnly: false,
    })
    const { article, body } = await service.get('3a1f00c0ffee0001')
    expect(article).toMatchObject({
      kind: 'article',
      title: 'Harbour reopens after storm',
      favorite: true,
      note: 'Follow up on the ferry timetable.',
    })
    expect(article.annotations[0]!.target.quote.exact).toBe('three days of storms')
    expect(body).toContain('three days of storms')
    expect(await service.tags()).toEqual([{ name: 'region/coast', count: 1, color: '#2f7d5b' }])
    const archived = await service.list(ListQuerySchema.parse({ view: 'archived' }))
    expect(archived.items.map((a) => a.id)).toEqual(['3a1f00c0ffee0002'])
    const trash = await service.list(ListQuerySchema.parse({ view: 'trash' }))
    expect(trash.items.map((a) => a.title)).toEqual(['Old news in the trash'])
    // And takes writes in the current format.
    await service.update('3a1f00c0ffee0002', { tags: ['region/coast'] })
    await service.close()
    const again = await ArchiveService.open(service.root)
    expect((await again.tags())[0]).toMatchObject({ name: 'region/coast', count: 2 })
    await again.close()
  })

  it('goes through the migration hook to a later schema, records and manifest alike', async () => {
    const root = await copyOfFixture()
    const migrations = [
      {
        to: 2,
        manifest: (m: Record<string, unknown>) => ({ ...m, tags: [] }),
        record: (r: Record<string, unknown>) => ({ ...r, note: `${r.note as string}|v2` }),
      },
    ]
    const store = await openArchiveStore(root, { migrations, currentVersion: 2 })
    expect(store.catalog.get('3a1f00c0ffee0001')?.note).toBe('Follow up on the ferry timetable.|v2')
    expect(store.catalog.get('c4e5000000000003')?.note).toBe('|v2')
    await store.close()
    const onDisk = JSON.parse(await readFile(join(root, 'quire.json'), 'utf8'))
    expect(onDisk).toMatchObject({ schemaVersion: 2, tags: [] })
    const shard = JSON.parse(await readFile(join(root, 'catalog', 'c4.json'), 'utf8'))
    expect(shard.articles['c4e5000000000003'].note).toBe('|v2')
  })
})
