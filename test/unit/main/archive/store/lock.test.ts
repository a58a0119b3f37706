import { spawnSync } from 'node:child_process'
import { once } from 'node:events'
import { mkdir, readdir, readFile, utimes, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ArchiveService } from '../../../../../main/archive/service.ts'
import { openArchiveStore } from '../../../../../main/archive/store/archive-store.ts'
import { tempDir } from '../../../helpers/temp-dir.ts'
import { holdArchive } from './helpers/hold.ts'
import { devicePath } from '../../../helpers/device-paths.ts'
import { existsSync } from 'node:fs'

const FIXTURES = join(import.meta.dirname, '../../../../fixtures/import')

/** The pid of a process that has already exited: a crashed Quire's. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!
}

async function writeLock(root: string, owner: object): Promise<void> {
  await mkdir(devicePath(root), { recursive: true })
  await writeFile(devicePath(root, 'quire.lock'), JSON.stringify(owner))
}

describe('the archive lock', () => {
  it('records pid, host and start time, and is released by close(), idempotently', async () => {
    const root = await tempDir()
    const service = await ArchiveService.open(root)
    const lock = JSON.parse(await readFile(devicePath(root, 'quire.lock'), 'utf8'))
    expect(lock).toEqual({ pid: process.pid, hostname: hostname(), startedAt: expect.any(String) })
    expect((await service.info()).readOnly).toBe(false)
    await service.close()
    await service.close()
    expect(existsSync(devicePath(root, 'quire.lock'))).toBe(false)
    await expect(service.update('0000000000000000', { title: 'x' })).rejects.toMatchObject({
      code: 'READ_ONLY',
      message: 'This archive has been closed.',
    })
  })

  it('opens a second Quire read-only: it reads, and every write throws READ_ONLY', async () => {
    const root = await tempDir()
    const first = await ArchiveService.open(root)
    const report = await first.importPaths([FIXTURES])
    const id = report.results.find((r) => r.status === 'imported')!.id
    const holder = await holdArchive(root)
    expect(holder.mode).toBe('read-only') // we hold it, so the child may not write either
    await holder.release()
    await first.close()

    const other = await holdArchive(root)
    try {
      expect(other.mode).toBe('writer')
      const second = await ArchiveService.open(root)
      expect((await second.info()).readOnly).toBe(true)
      expect((await second.get(id)).article.id).toBe(id)
      const message = `This archive is open in another Quire (pid ${other.pid}); it is read-only here.`
      const writes = [
        () => second.update(id, { title: 'x' }),
        () => second.delete([id]),
        () => second.restore([id]),
        () => second.emptyTrash(),
        () => second.importPaths([FIXTURES]),
        () => second.importUploads([{ name: 'a.txt', bytes: new TextEncoder().encode('A\nb') }]),
        () => second.backup(),
      ]
      for (const write of writes) {
        await expect(write()).rejects.toMatchObject({ code: 'READ_ONLY', message })
      }
      const lock = JSON.parse(await readFile(devicePath(root, 'quire.lock'), 'utf8'))
      expect(lock.pid).toBe(other.pid) // a read-only close never removes another's lock
      await second.close()
      expect(JSON.parse(await readFile(devicePath(root, 'quire.lock'), 'utf8')).pid).toBe(other.pid)
    } finally {
      await other.release()
    }
    // The holder's exit hook released the lock: the next open writes.
    expect(existsSync(devicePath(root, 'quire.lock'))).toBe(false)
    const third = await ArchiveService.open(root)
    expect((await third.update(id, { title: 'Mine now' })).title).toBe('Mine now')
    await third.close()
  })

  it('takes over the lock of a Quire that was killed', async () => {
    const root = await tempDir()
    const holder = await holdArchive(root)
    expect(holder.mode).toBe('writer')
    const exited = once(holder.child, 'exit')
    holder.child.kill('SIGKILL')
    await exited
    expect(JSON.parse(await readFile(devicePath(root, 'quire.lock'), 'utf8')).pid).toBe(holder.pid)
    const service = await ArchiveService.open(root)
    expect((await service.info()).readOnly).toBe(false)
    expect(JSON.parse(await readFile(devicePath(root, 'quire.lock'), 'utf8')).pid).toBe(process.pid)
    await service.close()
  })

  it('takes over a stale lock file naming a dead pid on this host', async () => {
    const root = await tempDir()
    await (await openArchiveStore(root)).close()
    await writeLock(root, { pid: deadPid(), hostname: hostname(), startedAt: 'earlier' })
    const store = await openArchiveStore(root)
    expect(store.readOnly).toBe(false)
    await store.close()
  })

  it('does not judge a lock from another host, and says which host has it', async () => {
    const root = await tempDir()
    await writeLock(root, { pid: deadPid(), hostname: 'elsewhere.example', startedAt: 'x' })
    const store = await openArchiveStore(root)
    expect(store.readOnlyReason).toMatch(/\(pid \d+ on elsewhere\.example\); it is read-only here/)
  })

  it('treats an unreadable lock as held while young and as stale once old', async () => {
    const root = await tempDir()
    const lock = devicePath(root, 'quire.lock')
    await mkdir(devicePath(root), { recursive: true })
    await writeFile(lock, '')
    const young = await openArchiveStore(root)
    expect(young.readOnlyReason).toBe(
      'This archive is being opened by another Quire; it is read-only here.',
    )
    const old = new Date(Date.now() - 60_000)
    await utimes(lock, old, old)
    const store = await openArchiveStore(root)
    expect(store.readOnly).toBe(false)
    await store.close()
  })

  it('opens with { readOnly: true } without taking the lock, and refuses a missing folder', async () => {
    const root = await tempDir()
    const writer = await ArchiveService.open(root)
    await writer.importPaths([FIXTURES])
    await writer.close()
    const reader = await ArchiveService.open(root, { readOnly: true })
    expect(existsSync(devicePath(root, 'quire.lock'))).toBe(false)
    expect((await reader.info()).articleCount).toBe(2)
    await expect(reader.emptyTrash()).rejects.toMatchObject({
      code: 'READ_ONLY',
      message: 'This archive was opened read-only.',
    })
    // Meanwhile a writer may open it.
    const writer2 = await ArchiveService.open(root)
    expect((await writer2.info()).readOnly).toBe(false)
    await writer2.close()
    await expect(ArchiveService.open(join(root, 'nope'), { readOnly: true })).rejects.toMatchObject(
      { code: 'NOT_FOUND' },
    )
  })

  it('releases the lock when the process exits without close()', async () => {
    const root = await tempDir()
    const script =
      `const { ArchiveService } = await import(${JSON.stringify(
        join(import.meta.dirname, '../../../../../main/archive/service.ts'),
      )});` + `await ArchiveService.open(${JSON.stringify(root)})`
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script])
    expect(r.status).toBe(0)
    expect(await readdir(root)).toContain('quire.json')
    expect(existsSync(devicePath(root, 'quire.lock'))).toBe(false)
  })
})
