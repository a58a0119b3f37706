import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ArchiveService } from '../../../../../main/archive/service.ts'
import { openArchiveStore } from '../../../../../main/archive/store/archive-store.ts'
import { snapshotOfStore } from '../../../../../main/archive/export/archive-snapshot.ts'
import {
  parseQuireJson,
  quireJsonText,
  snapshotOfQuireJson,
} from '../../../../../main/archive/export/quire-json.ts'
import { applyArchiveSnapshot } from '../../../../../main/archive/export/apply-snapshot.ts'
import { createBackupZip } from '../../../../../main/archive/export/backup-zip.ts'
import { detectBackup, restoreBackup } from '../../../../../main/archive/export/restore.ts'
import { tempDir } from '../../../helpers/temp-dir.ts'
import { archiveContents, buildArchive } from './archive-fixture.ts'

async function exportJson(root: string): Promise<string> {
  const store = await openArchiveStore(root, { readOnly: true })
  try {
    const snap = await snapshotOfStore(store)
    let text = ''
    for await (const chunk of quireJsonText(snap, snap.count)) text += chunk
    return text
  } finally {
    await store.close()
  }
}

describe('round trips into an empty archive', () => {
  it('Quire JSON: records, bodies, annotations, tags and searches come back equal', async () => {
    const dir = await tempDir()
    const source = join(dir, 'source')
    const ids = await buildArchive(source)
    const text = await exportJson(source)

    const target = join(dir, 'target')
    const store = await openArchiveStore(target)
    const summary = await applyArchiveSnapshot(
      store,
      snapshotOfQuireJson(parseQuireJson(text, 'export.json')),
      'merge',
    )
    await store.close()
    expect(summary.articles).toMatchObject({ added: 3, kept: 0, unchanged: 0 })
    // Images travel in the backup zip; the JSON lists their names only.
    expect(summary.assets.added).toBe(0)

    const before = await archiveContents(source)
    const after = await archiveContents(target)
    expect({ ...after, assets: [] }).toEqual({ ...before, assets: [] })
    expect(after.records.map((r) => r.id)).toEqual([...ids].sort())
    expect(after.records.flatMap((r) => r.annotations)).toHaveLength(4)
    expect(after.records.filter((r) => r.deletedAt !== null)).toHaveLength(1)

    // The restored archive opens and anchors its highlights where they were.
    const service = await ArchiveService.open(target)
    const original = await ArchiveService.open(source, { readOnly: true })
    for (const id of ids.slice(0, 2)) {
      expect((await service.get(id)).anchors).toEqual((await original.get(id)).anchors)
    }
    await service.close()
    await original.close()
  })

  it('backup zip: restore into an empty archive gives an equal archive', async () => {
    const dir = await tempDir()
    const source = join(dir, 'source')
    await buildArchive(source)
    const zip = join(dir, 'backup.zip')
    const settings = new TextEncoder().encode('{"theme":"dark"}')
    const made = await createBackupZip(source, zip, { settings })
    expect(made.files).toBe(1 + 3 + 3 + 1 + 1) // quire.json, 3 shards, 3 bodies, asset, settings
    expect(await detectBackup(zip)).toBe('zip')

    const target = join(dir, 'target')
    const restored = await restoreBackup(zip, target, 'replace')
    expect(restored.articles).toMatchObject({ added: 3, removed: 0 })
    expect(restored.ignored).toEqual([])
    expect(new TextDecoder().decode(restored.settings!)).toBe('{"theme":"dark"}')
    expect(await archiveContents(target)).toEqual(await archiveContents(source))
    // The zip holds no derived or lock files.
    expect((await readFile(zip)).includes(Buffer.from('.quire.lock'))).toBe(false)
  })
})
