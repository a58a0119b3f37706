// The process the crash harness kills: write-heavy work on an archive (imports of generated
// text files, large batches and pages with an image, tag edits, bulk edits and deletes of
// many articles, annotation saves, trash, restore, empty trash, backups), logging each
// operation to a file with fsync (see op-log.ts).
// Usage: node crash-child.ts <archive> <log> <sources-dir> <seed>
import { fsyncSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { ListQuerySchema } from '../../shared/api.ts'
import { ArchiveService } from '../../main/archive/service.ts'
import type { OpEntry } from './op-log.ts'
import { mulberry32, type Random } from './random.ts'

const WORDS = ['harbour', 'council', 'bridge', 'ferry', 'market', 'rates', 'storm', 'vote']

const [archive, logPath, sourcesDir, seedArg] = process.argv.slice(2)
if (!archive || !logPath || !sourcesDir || !seedArg) {
  console.error('usage: crash-child.ts <archive> <log> <sources-dir> <seed>')
  process.exit(2)
}
const random = mulberry32(Number(seedArg))
const log = openSync(logPath, 'a')

/** One JSON line, on disk before the next step: what the checker may rely on. */
function record(entry: OpEntry): void {
  writeSync(log, JSON.stringify(entry) + '\n')
  fsyncSync(log)
}

mkdirSync(sourcesDir, { recursive: true })
// The harness starts its kill timer now (or at the first op done, see harness.ts), so some
// kills land inside open (lock, temp-file cleanup, the daily backup, the sweep) and the rest
// among the writes.
process.stdout.write('ready\n')
const service = await ArchiveService.open(archive)
if ((await service.info()).readOnly) {
  console.error('crash-child: the archive opened read-only; the last lock was not taken over')
  process.exit(3)
}

const live = new Set(await idsIn('all'))
const trashed = new Set(await idsIn('trash'))
let announced = false

for (let seq = 0; ; seq++) {
  const roll = random()
  const known = [...live, ...trashed]
  if (roll < 0.22 || known.length < 3) await importSome(seq, 1 + Math.floor(random() * 4))
  else if (roll < 0.27) await importSome(seq, 10 + Math.floor(random() * 30))
  else if (roll < 0.34) await importPage(seq)
  else if (roll < 0.46) await tag(seq, pick(known, random))
  else if (roll < 0.6) await annotate(seq, pick(known, random))
  else if (roll < 0.72) await toggleTrash(seq, known)
  else if (roll < 0.82) await bulkTag(seq, known)
  else if (roll < 0.9) await bulkTrash(seq, known)
  else if (roll < 0.95) await emptyTrash(seq, known)
  else await backup(seq)
  if (!announced) {
    announced = true
    process.stdout.write('working\n')
  }
}

async function idsIn(view: 'all' | 'trash'): Promise<string[]> {
  const ids: string[] = []
  for (let offset = 0; ;) {
    const page = await service.list(ListQuerySchema.parse({ view, offset, limit: 200 }))
    ids.push(...page.items.map((a) => a.id))
    offset += page.items.length
    if (!page.items.length || offset >= page.total) return ids
  }
}

/** Import `count` text files; each item reported (progress) is logged as it is. */
async function importSome(seq: number, count: number): Promise<void> {
  const titles = Array.from(
    { length: count },
    (_, i) => `Report ${seedArg} ${seq}-${i} on ${word()} and ${word()}`,
  )
  const paths = titles.map((title, i) => {
    const path = join(sourcesDir!, `${seedArg}-${seq}-${i}.txt`)
    const body = Array.from({ length: 3 + Math.floor(random() * 30) }, () => sentence())
    writeFileSync(path, `${title}\n\n${body.join('\n\n')}\n`)
    return path
  })
  await runImport(seq, titles, paths)
}

/** A saved page with an image of its own (new bytes, so a new file in assets/). */
async function importPage(seq: number): Promise<void> {
  const title = `Page ${seedArg} ${seq} on ${word()} and ${word()}`
  const dir = join(sourcesDir!, `${seedArg}-${seq}-page`)
  mkdirSync(dir, { recursive: true })
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    randomBytes(64),
  ])
  writeFileSync(join(dir, 'picture.png'), png)
  const paragraphs = Array.from({ length: 6 }, () => `<p>${sentence()} ${sentence()}</p>`)
  const html =
    `<!doctype html><html><head><title>${title}</title></head><body><article>` +
    `<h1>${title}</h1>${paragraphs.slice(0, 3).join('')}` +
    `<p><img src="picture.png" alt="A picture" width="600" height="400"></p>` +
    `${paragraphs.slice(3).join('')}</article></body></html>`
  const path = join(dir, 'page.html')
  writeFileSync(path, html)
  await runImport(seq, [title], [path])
}

async function runImport(seq: number, titles: string[], paths: string[]): Promise<void> {
  record({ seq, phase: 'begin', op: 'import', titles })
  const report = await service.importPaths(paths, {
    onProgress: (p) => record({ seq, phase: 'progress', op: 'import', done: p.done }),
  })
  const items = report.results.flatMap((r) =>
    r.status === 'imported' ? [{ id: r.id, title: r.title }] : [],
  )
  if (items.length !== titles.length) {
    console.error(`crash-child: import ${seq} did not import everything`, report.results)
    process.exit(4)
  }
  record({ seq, phase: 'done', op: 'import', items })
  for (const item of items) live.add(item.id)
}

async function tag(seq: number, id: string): Promise<void> {
  // A value no other op writes, so the checker can tell which edit reached the disk.
  const tags = random() < 0.1 ? [] : [`t${seedArg}-${seq}`, word()]
  record({ seq, phase: 'begin', op: 'tag', id, tags })
  await service.update(id, { tags })
  record({ seq, phase: 'done', op: 'tag', id, tags })
}

async function annotate(seq: number, id: string): Promise<void> {
  const start = Math.floor(random() * 20)
  record({ seq, phase: 'begin', op: 'annotate', id })
  await service.createAnnotation({
    articleId: id,
    start,
    end: start + 5,
    color: 'yellow',
    note: `note ${seedArg}-${seq}`,
  })
  record({ seq, phase: 'done', op: 'annotate', id })
}

async function toggleTrash(seq: number, known: string[]): Promise<void> {
  const toTrash = random() < 0.5 ? [...live] : []
  const pool = toTrash.length ? toTrash : [...trashed]
  if (!pool.length) return tag(seq, pick(known, random))
  // Up to three articles, usually in different shards: one op, several shards.
  const ids = [...new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(pool)))]
  await trashOrRestore(seq, toTrash.length ? 'trash' : 'restore', ids)
}

/** A delete of many articles at once (up to 300): all of them or none. */
async function bulkTrash(seq: number, known: string[]): Promise<void> {
  if (live.size < 2) return tag(seq, pick(known, random))
  const ids = [...live].slice(0, 300)
  await trashOrRestore(seq, 'trash', ids)
}

async function trashOrRestore(seq: number, op: 'trash' | 'restore', ids: string[]) {
  record({ seq, phase: 'begin', op, ids })
  if (op === 'trash') await service.delete(ids)
  else await service.restore(ids)
  record({ seq, phase: 'done', op, ids })
  for (const id of ids) {
    ;(op === 'trash' ? live : trashed).delete(id)
    ;(op === 'trash' ? trashed : live).add(id)
  }
}

/** One new tag on every known article (a bulk edit over every shard). */
async function bulkTag(seq: number, known: string[]): Promise<void> {
  const ids = known.slice(0, 300)
  const tag = `bulk${seedArg}-${seq}`
  record({ seq, phase: 'begin', op: 'bulk-tag', ids, tag })
  await service.bulkUpdate(ids, { addTags: [tag] })
  record({ seq, phase: 'done', op: 'bulk-tag', ids, tag })
}

async function emptyTrash(seq: number, known: string[]): Promise<void> {
  if (!trashed.size) return tag(seq, pick(known, random))
  const ids = [...trashed]
  record({ seq, phase: 'begin', op: 'empty-trash', ids })
  await service.emptyTrash()
  record({ seq, phase: 'done', op: 'empty-trash', ids })
  trashed.clear()
}

async function backup(seq: number): Promise<void> {
  record({ seq, phase: 'begin', op: 'backup' })
  await service.backup()
  record({ seq, phase: 'done', op: 'backup' })
}

function pick<T>(items: T[], r: Random = random): T {
  return items[Math.floor(r() * items.length)]!
}

function word(): string {
  return pick(WORDS)
}

function sentence(): string {
  const words = Array.from({ length: 6 + Math.floor(random() * 20) }, () => word())
  return `${words.join(' ')} ${Math.floor(random() * 1e9)}.`
}
