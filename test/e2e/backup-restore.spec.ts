// Journey: a person with a BBC-sized archive (2,200 stories, generated from our story
// fixture, with highlights and notes) makes a full backup with the CLI, renames the file, and
// restores it into a new archive: every record, body, image and annotation comes back byte
// for byte. No browser: the CLI and the HTTP API are the surfaces here.
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { compareArchives } from '../tools/exports/compare-archives.ts'
import { story } from '../tools/exports/build-archive.ts'
import { runNode, startShell } from './server.ts'

const STORIES = 2200

test('backs up and restores a BBC-sized archive byte for byte', async ({ request }) => {
  test.setTimeout(900_000)
  const dir = await mkdtemp(join(tmpdir(), 'quire-e2e-backup-'))
  try {
    const stories = join(dir, 'stories')
    await mkdir(stories)
    for (let i = 0; i < STORIES; i++) {
      await writeFile(join(stories, `${String(i).padStart(4, '0')}.txt`), story(i))
    }
    const archive = join(dir, 'archive')
    await runNode(['main/cli/main.ts', 'import', stories, '--archive', archive])

    // Highlights and notes through the API the app uses.
    const shell = await startShell(archive)
    try {
      const url = new URL(shell.url)
      const token = new URLSearchParams(url.hash.slice(1)).get('token') ?? ''
      const call = async <T>(op: string, input: unknown): Promise<T> => {
        const res = await request.post(new URL(`/api/${op}`, url).href, {
          headers: { 'x-quire-token': token },
          data: input,
        })
        const body = (await res.json()) as { ok: boolean; value: T; error?: { message: string } }
        if (!body.ok) throw new Error(`${op}: ${body.error?.message}`)
        return body.value
      }
      const page = await call<{ items: { id: string }[]; total: number }>('articles:list', {
        view: 'all',
        limit: 40,
      })
      expect(page.total).toBe(STORIES)
      for (const [i, a] of page.items.entries()) {
        await call('annotations:create', {
          articleId: a.id,
          start: 5,
          end: 40,
          color: i % 2 ? 'green' : 'pink',
          note: `Note ${i}, "quoted" — 東京\nsecond line`,
          tags: ['checked'],
        })
        if (i % 5 === 0) await call('articles:setNote', { id: a.id, note: '# Summary\n\nKept.' })
      }
    } finally {
      await shell.stop()
    }

    // The backup, renamed: restore knows it by its content, not its name.
    const zip = join(dir, 'backup.zip')
    await runNode([
      'main/cli/main.ts',
      'export',
      '--format',
      'backup',
      '--archive',
      archive,
      '--out',
      zip,
    ])
    const renamed = join(dir, 'my archive, saved')
    await rename(zip, renamed)
    const restored = join(dir, 'restored')
    const dry = await runNode([
      'main/cli/main.ts',
      'restore',
      renamed,
      '--dry-run',
      '--archive',
      restored,
    ])
    expect(dry).toContain(`articles: ${STORIES} added`)
    await runNode(['main/cli/main.ts', 'restore', renamed, '--archive', restored])

    const c = await compareArchives(archive, restored)
    expect(c.differences).toEqual([])
    expect(c.records).toBe(STORIES)
    expect(c.annotations).toBe(40)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
})
