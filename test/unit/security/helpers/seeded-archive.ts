// A small real archive for the security tests: three imported articles (one in the trash),
// a tagged article, an annotation and a saved search, reached through the real handlers.
import { cp } from 'node:fs/promises'
import { join } from 'node:path'
import type { Handlers, Op, OpInput } from '../../../../shared/api.ts'
import type { Annotation } from '../../../../shared/model.ts'
import { dispatch } from '../../../../main/api/dispatch.ts'
import { createHandlers } from '../../../../main/api/handlers.ts'
import { ArchiveService } from '../../../../main/archive/service.ts'

export interface Seed {
  /** Live articles, newest import first. */
  ids: string[]
  trashed: string
  annotation: Annotation
  searchId: string
  feedId: string
}

/** Nothing listens on port 1: feed fetches fail at once, and no test touches the internet. */
export const DEAD_FEED_URL = 'http://127.0.0.1:1/feed.xml'
export const DEAD_PAGE_URL = 'http://127.0.0.1:1/rafah.html'
export const OPML = `<?xml version="1.0"?><opml version="2.0"><body>
<outline text="Dead" type="rss" xmlUrl="${DEAD_FEED_URL}" category="news"/></body></opml>`

export interface OpenArchive {
  root: string
  service: ArchiveService
  handlers: Handlers
}

const TEXTS = [
  'Rafah crossing\n\nTrucks waited at the Rafah crossing for a third day.\n\nAid groups said the sea route was slower.',
  'Harbour notes\n\nThe harbour reopened on Monday after the storm.\n\nFishing boats returned by noon.',
  'Old draft\n\nA draft that was thrown away.',
]

/** Runs an operation through the real dispatch and returns its value, or throws its error. */
export async function call<K extends Op>(h: Handlers, op: K, input: OpInput<K>): Promise<unknown> {
  const r = await dispatch(h, op, input)
  if (!r.ok) throw new Error(`${op} failed while seeding: ${r.error.code} ${r.error.message}`)
  return r.value
}

export async function openArchive(root: string): Promise<OpenArchive> {
  const service = await ArchiveService.open(root)
  // Waits for the daily backup queued by open, so no write lands during a test's snapshot.
  await service.backup()
  return { root, service, handlers: createHandlers(service, () => {}) }
}

/** Seeds a new archive in `root` and closes it; copy the folder to reuse it. */
export async function seedArchive(root: string): Promise<Seed> {
  const { service, handlers } = await openArchive(root)
  const files = TEXTS.map((text, i) => ({
    name: `article-${i}.txt`,
    dataBase64: Buffer.from(text).toString('base64'),
  }))
  await call(handlers, 'import:upload', { files, tags: [] })
  const page = (await call(handlers, 'articles:list', { view: 'all', sort: 'title' })) as {
    items: { id: string; title: string }[]
  }
  const idOf = (title: string) => {
    const found = page.items.find((a) => a.title === title)
    if (!found) throw new Error(`seeding: no article titled ${title}`)
    return found.id
  }
  const [rafah, harbour, draft] = [idOf('Rafah crossing'), idOf('Harbour notes'), idOf('Old draft')]
  await call(handlers, 'articles:update', {
    id: rafah,
    patch: { tags: ['region/gaza'], url: DEAD_PAGE_URL },
  })
  await call(handlers, 'articles:delete', { ids: [draft] })
  const annotation = (await call(handlers, 'annotations:create', {
    articleId: rafah,
    start: 0,
    end: 6,
    color: 'yellow',
    note: 'first note',
  })) as Annotation
  const search = (await call(handlers, 'searches:save', { name: 'Rafah', query: 'rafah' })) as {
    id: string
  }
  const opml = (await call(handlers, 'feeds:importOpml', { text: OPML })) as {
    feeds: { id: string }[]
  }
  await service.close()
  const feedId = opml.feeds[0]?.id
  if (!feedId) throw new Error('seeding: the OPML added no feed')
  return { ids: [rafah, harbour], trashed: draft, annotation, searchId: search.id, feedId }
}

/** A working copy of a seeded archive at `dir/archive`. */
export async function copyArchive(template: string, dir: string): Promise<string> {
  const root = join(dir, 'archive')
  await cp(template, root, { recursive: true })
  return root
}
