import { spawn } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../helpers/temp-dir.ts'

const CLI = join(import.meta.dirname, '../../../../main/cli/main.ts')
const FIXTURES = join(import.meta.dirname, '../../../fixtures/import')

function quire(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { ...process.env, QUIRE_ARCHIVE: '' },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c) => (stdout += c))
    child.stderr.on('data', (c) => (stderr += c))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }))
  })
}

describe('quire CLI', () => {
  it('imports, lists and shows with --json', async () => {
    const archive = await tempDir()
    const imported = await quire(
      'import',
      FIXTURES,
      '--archive',
      archive,
      '--tag',
      'news',
      '--json',
    )
    expect(imported.code).toBe(0)
    const report = JSON.parse(imported.stdout)
    expect(report).toMatchObject({ imported: 2, failed: 0 })

    const list = await quire('list', '--archive', archive, '--json')
    const items = JSON.parse(list.stdout) as { id: string; title: string; tags: string[] }[]
    expect(items.map((i) => i.title).sort()).toEqual([
      'Council approves new river bridge after long debate',
      'Markets rally as rates hold steady',
    ])
    expect(items.every((i) => i.tags.includes('news'))).toBe(true)

    const id = items.find((i) => i.title.startsWith('Markets'))!.id
    const show = await quire('show', id, '--archive', archive, '--json')
    expect(show.code).toBe(0)
    expect(JSON.parse(show.stdout)).toMatchObject({
      id,
      title: 'Markets rally as rates hold steady',
      text:
        'Shares rose on Monday after the central bank kept rates on hold.\n\n' +
        'Analysts said the decision was expected.',
    })
  })

  it('exits 1 and names each failed file with its reason', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'empty.txt'), '')
    const r = await quire(
      'import',
      join(dir, 'empty.txt'),
      join(FIXTURES, 'markets.txt'),
      '--archive',
      join(dir, 'a'),
    )
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/failed\s+.*empty\.txt: the file is empty/)
    expect(r.stdout).toMatch(/1 imported, 0 duplicates, 1 failed/)
  })

  it('exits 2 on usage errors', async () => {
    expect((await quire('frobnicate')).code).toBe(2)
    expect((await quire('show', 'not-an-id')).code).toBe(2)
    expect((await quire('import')).code).toBe(2)
    expect((await quire('list', '--bogus')).code).toBe(2)
  })

  it('deletes to the trash and restores', async () => {
    const archive = await tempDir()
    const report = JSON.parse(
      (await quire('import', FIXTURES, '--archive', archive, '--json')).stdout,
    )
    const id = report.results[0].id as string
    expect((await quire('delete', id, '--archive', archive)).stdout).toMatch(
      /1 article moved to the trash/,
    )
    const trash = JSON.parse(
      (await quire('list', '--view', 'trash', '--archive', archive, '--json')).stdout,
    )
    expect(trash.map((a: { id: string }) => a.id)).toEqual([id])
    expect((await quire('restore', id, '--archive', archive)).code).toBe(0)
    const all = JSON.parse((await quire('list', '--archive', archive, '--json')).stdout)
    expect(all).toHaveLength(2)
  })

  it('searches with the query language, and points at a malformed query', async () => {
    const archive = await tempDir()
    await quire('import', FIXTURES, '--archive', archive)
    const found = await quire('search', 'bridge -markets', '--archive', archive, '--json')
    expect(found.code).toBe(0)
    const results = JSON.parse(found.stdout) as { total: number; items: { title: string }[] }
    expect(results.total).toBe(1)
    expect(results.items[0]!.title).toBe('Council approves new river bridge after long debate')
    const human = await quire('search', 'rates', '--archive', archive)
    expect(human.stdout).toMatch(/\[rates\]/)
    expect(human.stdout).toMatch(/1 match$/m)
    const bad = await quire('search', 'rates is:flying', '--archive', archive)
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('rates is:flying\n           ^^^^^^')
  })
})
