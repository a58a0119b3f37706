// No stack trace ever reaches a user: every CLI command is run on its error paths (bad
// arguments, missing files, a missing, locked, damaged or unopenable archive) and must answer
// in sentences, each said once, with a non-zero exit code.
import { spawn } from 'node:child_process'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ArchiveService } from '../../../../main/archive/service.ts'
import { mapLimit } from '../../../../main/archive/store/map-limit.ts'
import { holdArchive, type Holder } from '../archive/store/helpers/hold.ts'
import { tempDir } from '../../helpers/temp-dir.ts'
import { devicePath } from '../../helpers/device-paths.ts'

const CLI = join(import.meta.dirname, '../../../../main/cli/main.ts')
const FIXTURES = join(import.meta.dirname, '../../../fixtures/import')
const ID = 'abcdef0123456789'

interface Run {
  code: number
  stdout: string
  stderr: string
}

function quire(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { ...process.env, QUIRE_ARCHIVE: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    // A command that should have failed but runs on (serve on a port after all) is stopped.
    const timer = setTimeout(() => {
      stderr += '\n(still running after 5 minutes: stopped)'
      child.kill('SIGKILL')
    }, 300_000)
    child.stdout.on('data', (c) => (stdout += c))
    child.stderr.on('data', (c) => (stderr += c))
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code: code ?? -1, stdout, stderr })
    })
  })
}

/** A line of a stack trace, or of Node telling about an internal failure. */
const STACK = /^\s+at\s|node:internal|Detected unsettled top-level await|Error: .*\n\s+at /m

let base: string
let archive: string
let damaged: string
let locked: string
let notAFolder: string
let holder: Holder

beforeAll(async () => {
  base = await tempDir()
  archive = join(base, 'archive')
  const service = await ArchiveService.open(archive)
  await service.importPaths([FIXTURES])
  await service.close()

  // A shard nothing can rebuild: no backup, no journal.
  damaged = join(base, 'damaged')
  await (await ArchiveService.open(damaged)).close()
  const { rm } = await import('node:fs/promises')
  await rm(devicePath(damaged, 'journal'), { recursive: true })
  await writeFile(join(damaged, 'catalog', '5c.json'), '{"articles": {"5c0')

  locked = join(base, 'locked')
  await (await ArchiveService.open(locked)).close()
  holder = await holdArchive(locked)

  notAFolder = join(base, 'file')
  await writeFile(notAFolder, 'not an archive')
  await mkdir(join(base, 'empty-dir'))
  await writeFile(join(base, 'garbage.zip'), 'PK\u0003\u0004 this is not a zip')
  await writeFile(join(base, 'garbage.opml'), '<opml><body><outline xmlUrl="javascript:x"')
}, 120_000)

afterAll(async () => {
  await holder?.release()
})

/** Every command, each on paths that must fail (or partly fail) in words. */
function cases(): { args: string[]; code?: number }[] {
  const at = (dir: string) => ['--archive', dir]
  const commands: string[][] = [
    ['import', join(base, 'no-such-file.txt')],
    ['import', join(base, 'garbage.zip')],
    ['import', 'http://127.0.0.1:1/nothing-listens-here'],
    ['import'],
    ['fetch', ID],
    ['fetch', 'not-an-id'],
    ['feeds', 'add', 'not a url'],
    ['feeds', 'add', 'http://127.0.0.1:1/feed.xml'],
    ['feeds', 'remove', 'no-such-feed'],
    ['feeds', 'refresh', 'no-such-feed'],
    ['feeds', 'import-opml', join(base, 'no-such.opml')],
    ['feeds', 'import-opml', join(base, 'garbage.opml')],
    ['feeds', 'export-opml', join(base, 'no-such-dir', 'out.opml')],
    ['feeds', 'frobnicate'],
    ['list', '--view', 'nowhere'],
    ['list'],
    ['search', 'rates is:flying'],
    ['search', 'bridge'],
    ['search'],
    ['show', ID],
    ['show', 'not-an-id'],
    ['export', '--format', 'nonsense'],
    ['export', '--format', 'markdown', '--out', join(base, 'file', 'inside-a-file')],
    ['export', '--format', 'bibtex', '--ids', 'not-an-id'],
    ['restore', join(base, 'no-such-backup.zip')],
    ['restore', join(base, 'garbage.zip'), '--dry-run'],
    ['restore-backup'],
    ['delete', ID],
    ['delete'],
    ['restore', ID],
    ['empty-trash'],
    ['serve', '--port', 'not-a-port'],
    ['frobnicate'],
  ]
  // Each command on a healthy archive; what opens an archive on each way one can fail.
  const opening: string[][] = [
    ['import', join(FIXTURES, 'bridge.txt')],
    ['list'],
    ['search', 'bridge'],
    ['show', ID],
    ['delete', ID],
    ['export', '--format', 'quire-json', '--out', join(base, 'out.json')],
  ]
  const out = commands.map((c) => ({ args: [...c, ...at(archive)] }))
  for (const dir of [damaged, locked, notAFolder, join(base, 'missing', 'deep')]) {
    for (const c of opening) out.push({ args: [...c, ...at(dir)] })
  }
  return out
}

describe('the CLI on its error paths', () => {
  it('never prints a stack trace, and says each thing once', async () => {
    const found: string[] = []
    await mapLimit(cases(), 3, async ({ args }) => {
      // serve would run until stopped: only its bad-port error path is run here.
      const run = await quire(args)
      const where = `quire ${args.join(' ')} (exit ${run.code})`
      if (STACK.test(run.stderr) || STACK.test(run.stdout)) {
        found.push(`${where} printed a stack:\n${run.stderr}${run.stdout}`)
      }
      const lines = run.stderr.split('\n').filter((l) => l.trim())
      const twice = lines.filter((l, i) => lines.indexOf(l) !== i)
      if (twice.length) found.push(`${where} said twice: ${twice[0]}`)
      if (run.code === 13) found.push(`${where} exited 13 (a promise never settled)`)
      if (run.code === -1) found.push(`${where} did not end: ${run.stderr.slice(-300)}`)
    })
    expect(found).toEqual([])
  }, 1_200_000)
})
