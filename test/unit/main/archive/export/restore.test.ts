import { existsSync } from 'node:fs'
import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { strToU8, unzipSync, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { ArchiveService } from '../../../../../main/archive/service.ts'
import { createBackupZip } from '../../../../../main/archive/export/backup-zip.ts'
import { parseQuireJson } from '../../../../../main/archive/export/quire-json.ts'
import {
  detectBackup,
  planRestore,
  restoreBackup,
} from '../../../../../main/archive/export/restore.ts'
import { tempDir } from '../../../helpers/temp-dir.ts'
import { archiveContents, buildArchive } from './archive-fixture.ts'
import { devicePath } from '../../../helpers/device-paths.ts'

async function backedUp() {
  const dir = await tempDir()
  const source = join(dir, 'source')
  const ids = await buildArchive(source)
  const zip = join(dir, 'backup.zip')
  await createBackupZip(source, zip)
  return { dir, source, ids, zip }
}

async function rezip(zip: string, change: (files: Record<string, Uint8Array>) => void) {
  const files = unzipSync(await readFile(zip))
  change(files)
  await writeFile(zip, zipSync(files))
}

describe('backup zip and restore', () => {
  it('holds only the archive data, never index/, backups/ or the lock', async () => {
    const { zip } = await backedUp()
    const names = Object.keys(unzipSync(await readFile(zip)))
    for (const n of names) {
      expect(n).toMatch(
        /^(quire\.json|quire-backup\.json|quire-backup\.sha256|catalog\/..\.json|content\/.+\.html|assets\/.+)$/,
      )
    }
    // What it is first (restore knows a backup by it), its checksums last.
    expect(names[0]).toBe('quire-backup.json')
    expect(names.at(-1)).toBe('quire-backup.sha256')
  })

  it('dry run reports what a merge would do and writes nothing', async () => {
    const { dir, zip, ids } = await backedUp()
    const target = join(dir, 'target')
    const plan = await planRestore(zip, target, 'merge')
    expect(plan.articles).toEqual({ added: 3, replaced: 0, kept: 0, unchanged: 0, removed: 0 })
    expect(plan).toMatchObject({ bodies: 3, assets: { added: 1, present: 0 }, hasSettings: false })
    expect(plan.tags.added).toEqual(['politics'])
    expect(existsSync(target)).toBe(false)
    expect(ids).toHaveLength(3)
  })

  it('merge keeps what the archive has, adds what it lacks and names the conflicts', async () => {
    const { source, zip, ids } = await backedUp()
    const service = await ArchiveService.open(source)
    await service.update(ids[0]!, { title: 'Edited after the backup' })
    await service.setTagColor('politics', '#00ff00')
    await service.emptyTrash()
    await service.close()
    const plan = await planRestore(zip, source, 'merge')
    expect(plan.articles).toMatchObject({ added: 1, kept: 1, unchanged: 1, removed: 0 })
    expect(plan.conflicts).toEqual([{ id: ids[0], title: 'Edited after the backup' }])
    expect(plan.tags.conflicts).toEqual(['politics'])
    await restoreBackup(zip, source, 'merge')
    const after = await archiveContents(source)
    expect(after.records).toHaveLength(3)
    expect(after.records.find((r) => r.id === ids[0])!.title).toBe('Edited after the backup')
    expect(after.tags.find((t) => t.name === 'politics')!.color).toBe('#00ff00')
  })

  it('replace brings the backup back exactly and keeps the old state aside', async () => {
    const { dir, source, zip } = await backedUp()
    const before = await archiveContents(source)
    // Something imported after the backup: replace removes it, but keeps it aside.
    const extra = join(dir, 'later.txt')
    await writeFile(extra, 'Later story\n\nWritten after the backup was made.\n')
    const service = await ArchiveService.open(source)
    const later = (await service.importPaths([extra])).results[0]!
    await service.close()
    const laterId = later.status === 'imported' ? later.id : ''
    const done = await restoreBackup(zip, source, 'replace')
    expect(done.articles).toMatchObject({ removed: 1, unchanged: 3 })
    expect(await archiveContents(source)).toEqual(before)
    const aside = done.keptAside!
    expect(aside).toMatch(/\.before-restore$/)
    expect(existsSync(join(aside, 'content', `${laterId}.html`))).toBe(true)
    const shards = await readdir(join(aside, 'catalog'))
    const kept = await Promise.all(shards.map((s) => readFile(join(aside, 'catalog', s), 'utf8')))
    expect(kept.join('')).toContain(laterId)
  })

  it('refuses a restore while another Quire holds the archive', async () => {
    const { source, zip } = await backedUp()
    const service = await ArchiveService.open(source)
    await expect(restoreBackup(zip, source, 'merge')).rejects.toMatchObject({ code: 'READ_ONLY' })
    await service.close()
  })

  it('never writes entries with unsafe or foreign names (zip slip)', async () => {
    const { dir, zip } = await backedUp()
    await rezip(zip, (files) => {
      files['../escape.txt'] = strToU8('x')
      files['assets/../../evil.png'] = strToU8('x')
      files['/abs/evil'] = strToU8('x')
      files['index/search.db'] = strToU8('x')
    })
    const target = join(dir, 'target')
    const done = await restoreBackup(zip, target, 'merge')
    expect(done.ignored).toEqual([
      '../escape.txt',
      '/abs/evil',
      'assets/../../evil.png',
      'index/search.db',
    ])
    expect(existsSync(join(dir, 'escape.txt'))).toBe(false)
    expect(existsSync(join(dir, 'evil.png'))).toBe(false)
    expect(existsSync(devicePath(target, 'index', 'search.db'))).toBe(false)
  })

  it('names the zip and the entry when a backup is damaged', async () => {
    const { dir, zip } = await backedUp()
    const target = join(dir, 'target')
    const shard = async () =>
      Object.keys(unzipSync(await readFile(zip))).find((n) => n.startsWith('catalog/'))!
    const name = await shard()
    await rezip(zip, (files) => {
      files[name] = strToU8('{"articles": {"zz": 1}}')
    })
    await expect(planRestore(zip, target, 'merge')).rejects.toThrow(`${zip}: ${name} is damaged`)
    await rezip(zip, (files) => {
      delete files['quire-backup.json']
      delete files['quire-backup.sha256']
    })
    await expect(planRestore(zip, target, 'merge')).rejects.toThrow(`${zip}: ${name}: article zz`)
    await writeFile(zip, 'not a zip at all')
    await expect(planRestore(zip, target, 'merge')).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    await writeFile(zip, zipSync({ 'hello.txt': strToU8('hi') }))
    await expect(planRestore(zip, target, 'merge')).rejects.toThrow(/no quire\.json/)
    expect(existsSync(target)).toBe(false)
  })

  it('knows a backup by its content, whatever its name', async () => {
    const { dir, zip } = await backedUp()
    const renamed = join(dir, 'my archive (copy)')
    await writeFile(renamed, await readFile(zip))
    expect(await detectBackup(renamed)).toBe('zip')
    await writeFile(join(dir, 'export.txt'), '  {"format": "quire", "version": 1}')
    expect(await detectBackup(join(dir, 'export.txt'))).toBe('quire-json')
    await writeFile(join(dir, 'other.zip'), zipSync({ 'hello.txt': strToU8('hi') }))
    expect(await detectBackup(join(dir, 'other.zip'))).toBeNull()
    expect(await detectBackup(join(dir, '0123456789abcdef'))).toBeNull()
    const plan = await planRestore(renamed, join(dir, 'target'), 'merge')
    expect(plan.articles.added).toBe(3)
  })

  it('Quire JSON import errors name the file and the field', () => {
    expect(() => parseQuireJson('{', 'a.json')).toThrow(/^a\.json is not JSON/)
    expect(() => parseQuireJson('{"format":"x"}', 'a.json')).toThrow(/not a Quire JSON export/)
    const bad = {
      format: 'quire',
      version: 1,
      exportedAt: '',
      schemaVersion: 1,
      tags: [],
      savedSearches: [],
      assets: [],
      articles: [{ record: { id: 'nope' }, body: '' }],
    }
    expect(() => parseQuireJson(JSON.stringify(bad), 'a.json')).toThrow(
      /a\.json .* at articles\.0\.record/,
    )
    expect(() => parseQuireJson(JSON.stringify({ ...bad, version: 9 }), 'a.json')).toThrow(
      /newer Quire/,
    )
  })
})
