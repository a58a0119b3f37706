// One archive for the layout and the every-size accessibility tours, made once per spec file:
// stories imported with the CLI (one of them a saved link never fetched), then through the API
// the highlights and notes, saved searches and a feed subscription (from the local test site),
// so every screen has something on it and the sidebar is as long as a real one.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { htmlToText } from '../../shared/html-text.ts'
import { fixturePath } from './fixtures.ts'
import { startLocalSite } from './local-site.ts'
import { runNode, startShell } from './server.ts'
import { LIBRARY_STORIES, WIRE_STORY } from './story.ts'

export const LONG_READ_TITLE = "The keepers' library: a century of reading at the edge of the sea"
export const LINK_TITLE = 'Night Ferries Return to the Sound'

export interface LayoutArchive {
  /** The app's address, token in the fragment. */
  url: string
  /** A file the import refuses, for the import summary with a failure. */
  refusedFile: string
  /** A file already in the archive: the import reports it as a duplicate. */
  duplicateFile: string
  stop(): Promise<void>
}

/** Calls one operation of the browser shell's API, as the renderer's HTTP client does. */
async function call(url: string, op: string, input: unknown): Promise<unknown> {
  const { origin, hash } = new URL(url)
  const token = new URLSearchParams(hash.slice(1)).get('token') ?? ''
  const response = await fetch(`${origin}/api/${op}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-quire-token': token },
    body: JSON.stringify(input),
  })
  const body = (await response.json()) as { ok: boolean; value?: unknown; error?: unknown }
  if (!body.ok) throw new Error(`${op} failed: ${JSON.stringify(body.error)}`)
  return body.value
}

interface Listed {
  items: { id: string; title: string }[]
}

async function idOf(url: string, title: string): Promise<string> {
  const page = (await call(url, 'articles:list', { view: 'all', limit: 100 })) as Listed
  const found = page.items.find((a) => a.title === title)
  if (!found) throw new Error(`no article titled "${title}" in the seeded archive`)
  return found.id
}

/** Highlights a passage by its first and last words, with a colour and an optional note. */
async function highlight(
  url: string,
  articleId: string,
  [from, to]: [string, string],
  color: string,
  note?: string,
): Promise<void> {
  const { body } = (await call(url, 'articles:get', { id: articleId })) as { body: string }
  const text = htmlToText(body)
  const start = text.indexOf(from)
  const end = text.indexOf(to, start) + to.length
  if (start < 0 || end < start) throw new Error(`passage "${from} … ${to}" not in ${articleId}`)
  await call(url, 'annotations:create', { articleId, start, end, color, note })
}

export async function makeLayoutArchive(): Promise<LayoutArchive> {
  const dir = await mkdtemp(join(tmpdir(), 'quire-layout-'))
  const archive = join(dir, 'Quire archive')
  const links = join(dir, 'pocket-links.csv')
  await writeFile(
    links,
    `title,url,time_added,tags,status\n${LINK_TITLE},https://example.org/ferries,1700000000,ferries,unread\n`,
  )
  const refusedFile = join(dir, 'notes-from-a-phone.bin')
  await writeFile(refusedFile, Buffer.from([0, 159, 146, 150, 0, 1, 2, 3]))
  const cli = (args: string[]) =>
    runNode(['main/cli/main.ts', 'import', ...args, '--archive', archive])
  await cli([...LIBRARY_STORIES.map((f) => fixturePath(f)), '--tag', 'travel'])
  await cli([
    fixturePath(WIRE_STORY.file),
    fixturePath('long-read.txt'),
    ...['culture', 'uk/news', 'region/europe/coastal-towns'].flatMap((t) => ['--tag', t]),
  ])
  await cli([links])

  const shell = await startShell(archive)
  const site = await startLocalSite()
  try {
    const url = shell.url
    const wire = await idOf(url, WIRE_STORY.title)
    await highlight(url, wire, ['A disused ferry terminal', 'fundraising'], 'yellow')
    await highlight(
      url,
      wire,
      ['"People told us', 'a reason."'],
      'green',
      'Quote for the **newsletter**: ask Margaret Hale before using it.',
    )
    await highlight(url, wire, ['Engineers spent', 'two metres.'], 'blue', 'Tide table?')
    const long = await idOf(url, LONG_READ_TITLE)
    await highlight(url, long, ['The lighthouse keepers', 'survives.'], 'pink', 'Logs matter.')
    await call(url, 'articles:setNote', {
      id: wire,
      note: 'Follow up with the council in the spring.',
    })
    const searches = [
      ['Unread travel', 'tag:travel is:unread'],
      ['Long reads', 'words:>1000'],
      ['Highlighted this year', 'has:highlights after:2024'],
      ['From Reuters', 'source:reuters'],
      ['Harbours and ferries, everything about boats and the sea', 'harbour OR ferry OR boat'],
    ]
    for (const [name, query] of searches) await call(url, 'searches:save', { name, query })
    await call(url, 'options:set', { allowLocalNetwork: true })
    await call(url, 'feeds:subscribe', { url: `${site.base}/feed.xml`, tags: ['feeds'] })
  } catch (err) {
    await shell.stop()
    throw err
  } finally {
    await site.close()
  }
  return {
    url: shell.url,
    refusedFile,
    duplicateFile: fixturePath(WIRE_STORY.file),
    stop: async () => {
      await shell.stop()
      await rm(dir, { recursive: true, force: true })
    },
  }
}
