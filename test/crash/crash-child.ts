// The process the crash harness kills: write-heavy work on an archive (imports of generated
// text files, tag edits, annotation saves, trash and restore, backups), journaling each operation to a file
// with fsync: a `begin` line before it starts and a `done` line once its promise resolved.
// Usage: node crash-child.ts <archive> <journal> <sources-dir> <seed>
import { fsyncSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { ListQuerySchema } from '../../shared/api.ts'
import { ArchiveService } from '../../main/archive/service.ts'
import { mulberry32, type Random } from './random.ts'

export type JournalEntry =
  | { seq: number; phase: 'begin'; op: 'import'; titles: string[] }
  | { seq: number; phase: 'done'; op: 'import'; items: { id: string; title: string }[] }
  | { seq: number; phase: 'begin' | 'done'; op: 'tag'; id: string; tags: string[] }
  | { seq: number; phase: 'begin' | 'done'; op: 'trash' | 'restore'; ids: string[] }
  | { seq: number; phase: 'begin' | 'done'; op: 'backup' }
  | { seq: number; phase: 'begin' | 'done'; op: 'annotate'; id: string }

const WORDS = ['harbour', 'council', 'bridge', 'ferry', 'market', 'rates', 'storm', 'vote']

const [archive, journalPath, sourcesDir, seedArg] = process.argv.slice(2)
if (!archive || !journalPath || !sourcesDir || !seedArg) {
  console.error('usage: crash-child.ts <archive> <journal> <sources-dir> <seed>')
  process.exit(2)
}
const random = mulberry32(Number(seedArg))
const journal = openSync(journalPath, 'a')

/** One JSON line, on disk before the next step: what the checker may rely on. */
function record(entry: JournalEntry): void {
  writeSync(journal, JSON.stringify(entry) + '\n')
  fsyncSync(journal)
}

mkdirSync(sourcesDir, { recursive: true })
// The harness starts its kill timer now, so some kills land inside open (lock, temp-file
// cleanup, migrations, the daily backup) and the rest among the writes.
process.stdout.write('ready\n')
const service = await ArchiveService.open(archive)
if ((await service.info()).readOnly) {
  console.error('crash-child: the archive opened read-only; the last lock was not taken over')
  process.exit(3)
}

const live = new Set(await idsIn('all'))
const trashed = new Set(await idsIn('trash'))

for (let seq = 0; ; seq++) {
  const roll = random()
  const known = [...live, ...trashed]
  if (roll < 0.35 || known.length < 3) await importSome(seq, random)
  else if (roll < 0.55) await tag(seq, pick(known, random), random)
  else if (roll < 0.75) await annotate(seq, pick(known, random), random)
  else if (roll < 0.95) await toggleTrash(seq, known, random)
  else await backup(seq)
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

async function importSome(seq: number, random: Random): Promise<void> {
  const count = 1 + Math.floor(random() * 4)
  const titles = Array.from(
    { length: count },
    (_, i) => `Report ${seedArg} ${seq}-${i} on ${word(random)} and ${word(random)}`,
  )
  const paths = titles.map((title, i) => {
    const path = join(sourcesDir!, `${seedArg}-${seq}-${i}.txt`)
    const body = Array.from({ length: 3 + Math.floor(random() * 30) }, () => sentence(random))
    writeFileSync(path, `${title}\n\n${body.join('\n\n')}\n`)
    return path
  })
  record({ seq, phase: 'begin', op: 'import', titles })
  const report = await service.importPaths(paths)
  const items = report.results.flatMap((r) =>
    r.status === 'imported' ? [{ id: r.id, title: r.title }] : [],
  )
  if (items.length !== count) {
    console.error(`crash-child: import ${seq} did not import everything`, report.results)
    process.exit(4)
  }
  record({ seq, phase: 'done', op: 'import', items })
  for (const item of items) live.add(item.id)
}

async function tag(seq: number, id: string, random: Random): Promise<void> {
  // A value no other op writes, so the checker can tell which edit reached the disk.
  const tags = random() < 0.1 ? [] : [`t${seedArg}-${seq}`, word(random)]
  record({ seq, phase: 'begin', op: 'tag', id, tags })
  await service.update(id, { tags })
  record({ seq, phase: 'done', op: 'tag', id, tags })
}

async function annotate(seq: number, id: string, random: Random): Promise<void> {
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

async function toggleTrash(seq: number, known: string[], random: Random): Promise<void> {
  const toTrash = random() < 0.5 ? [...live] : []
  const pool = toTrash.length ? toTrash : [...trashed]
  if (!pool.length) return tag(seq, pick(known, random), random)
  // Up to three articles, usually in different shards: one op, several shard writes.
  const ids = [
    ...new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(pool, random))),
  ]
  const op = toTrash.length ? 'trash' : 'restore'
  record({ seq, phase: 'begin', op, ids })
  if (op === 'trash') await service.delete(ids)
  else await service.restore(ids)
  record({ seq, phase: 'done', op, ids })
  for (const id of ids) {
    ;(op === 'trash' ? live : trashed).delete(id)
    ;(op === 'trash' ? trashed : live).add(id)
  }
}

async function backup(seq: number): Promise<void> {
  record({ seq, phase: 'begin', op: 'backup' })
  await service.backup()
  record({ seq, phase: 'done', op: 'backup' })
}

function pick<T>(items: T[], random: Random): T {
  return items[Math.floor(random() * items.length)]!
}

function word(random: Random): string {
  return pick(WORDS, random)
}

function sentence(random: Random): string {
  const words = Array.from({ length: 6 + Math.floor(random() * 20) }, () => word(random))
  return `${words.join(' ')} ${Math.floor(random() * 1e9)}.`
}
