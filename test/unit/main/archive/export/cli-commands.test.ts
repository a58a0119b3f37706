import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import Papa from 'papaparse'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { exportCommand, type CommandIo } from '../../../../../main/cli/export-command.ts'
import { restoreCommand } from '../../../../../main/cli/restore-command.ts'
import { parseQuireJson } from '../../../../../main/archive/export/quire-json.ts'
import { UsageError } from '../../../../../main/cli/usage.ts'
import { READWISE_COLUMNS } from '../../../../../main/archive/export/readwise-csv.ts'
import { tempDir } from '../../../helpers/temp-dir.ts'
import { archiveContents, buildArchive } from './archive-fixture.ts'

function capture(): CommandIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: (t: string) => void (io.out += t),
    stderr: (t: string) => void (io.err += t),
  }
  return io
}

async function archive() {
  const dir = await tempDir()
  const root = join(dir, 'archive')
  const ids = await buildArchive(root)
  return { dir, root, ids }
}

describe('quire export / quire restore', () => {
  it('exports the library (not the trash) as Readwise CSV to stdout', async () => {
    const { root } = await archive()
    const io = capture()
    expect(await exportCommand(root, { format: 'readwise' }, io)).toBe(0)
    const rows = Papa.parse<string[]>(io.out).data
    expect(rows[0]).toEqual(READWISE_COLUMNS)
    expect(rows.filter((r) => r.length > 1)).toHaveLength(1 + 4)
  })

  it('exports chosen ids, and files for the binary formats', async () => {
    const { root, dir, ids } = await archive()
    const io = capture()
    await exportCommand(root, { format: 'bibtex', ids: ids[0]! }, io)
    expect(io.out.match(/^@/gm)).toHaveLength(1)
    const epub = join(dir, 'out.epub')
    await exportCommand(root, { format: 'epub', ids: ids.slice(0, 2).join(','), out: epub }, io)
    expect(strFromU8(unzipSync(await readFile(epub)).mimetype!)).toBe('application/epub+zip')
    const notes = join(dir, 'vault')
    expect(await exportCommand(root, { format: 'markdown', out: notes }, io)).toBe(0)
    expect(await readdir(notes)).toHaveLength(2)
    expect(io.err).toContain('2 created, 0 updated')
  })

  it('selects by a search query through the index', async () => {
    const { root } = await archive()
    const io = capture()
    await exportCommand(root, { format: 'csl', query: 'tag:economy' }, io)
    const items = JSON.parse(io.out) as { title: string }[]
    expect(items).toHaveLength(1)
  }, 180_000)

  it('round-trips through quire-json and backup files', async () => {
    const { root, dir } = await archive()
    const io = capture()
    const json = join(dir, 'all.json')
    await exportCommand(root, { format: 'quire-json', out: json }, io)
    expect(parseQuireJson(await readFile(json, 'utf8'), json).articles).toHaveLength(3)
    const zip = join(dir, 'all.zip')
    await exportCommand(root, { format: 'backup', out: zip }, io)
    const target = join(dir, 'restored')
    const dry = capture()
    await restoreCommand(target, [zip], { 'dry-run': true, json: true }, dry)
    expect(JSON.parse(dry.out).articles.added).toBe(3)
    const done = capture()
    await restoreCommand(target, [zip], { replace: true }, done)
    expect(done.out).toContain('articles: 3 added')
    expect(await archiveContents(target)).toEqual(await archiveContents(root))
  })

  it('refuses bad options with a usage error', async () => {
    const { root } = await archive()
    const io = capture()
    await expect(exportCommand(root, { format: 'docx' }, io)).rejects.toThrow(UsageError)
    await expect(exportCommand(root, { format: 'epub' }, io)).rejects.toThrow(/needs --out/)
    await expect(
      exportCommand(root, { format: 'backup', out: 'x', query: 'a' }, io),
    ).rejects.toThrow(/whole archive/)
    await expect(exportCommand(root, { format: 'ris', ids: 'nope' }, io)).rejects.toThrow(
      /not an article id/,
    )
    await expect(exportCommand(join(root, 'missing'), { format: 'ris' }, io)).rejects.toThrow(
      /no archive/,
    )
    await expect(restoreCommand(root, [], {}, io)).rejects.toThrow(UsageError)
  })
})

describe('quire restore from a Quire JSON export', () => {
  it('restores a JSON export like a zip (assets listed but not embedded)', async () => {
    const { root, dir } = await archive()
    const io = capture()
    const json = join(dir, 'all.json')
    await exportCommand(root, { format: 'quire-json', out: json }, io)
    const target = join(dir, 'from-json')
    const done = capture()
    await restoreCommand(target, [json], { json: true }, done)
    const summary = JSON.parse(done.out)
    expect(summary.articles.added).toBe(3)
    const [before, after] = [await archiveContents(root), await archiveContents(target)]
    expect(after.records).toEqual(before.records)
    expect(after.bodies).toEqual(before.bodies)
    expect(after.assets).toEqual([])
  })
})
