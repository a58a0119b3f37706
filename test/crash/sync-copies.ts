// The crash harness's merge scenario: plays another device's sync engine. Between kills it
// puts in the archive what Syncthing, Dropbox, Nextcloud, OneDrive or iCloud would leave
// after the other device edited some articles (a new tag, a new highlight, a new note on
// each): a conflict copy beside a shard, or the shard replaced in place. The child (or the
// harness's own open) merges them at open while the kill lands; then the checks:
// - nothing lost: after the next open, each placed change is on its article (the model
//   carries the tag and the highlight count; the note and the highlight's id are checked
//   here), unless the child later removed it on purpose (a tag edit, an emptied trash);
// - no conflict copy removed before its merge is durable: a copy gone after the kill means
//   the shard files on disk (not the journal) already hold what it brought.
import { randomBytes } from 'node:crypto'
import { readdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Annotation, Article } from '../../shared/model.ts'
import { parseConflictName } from '../../main/archive/store/sync/conflict-names.ts'
import { stampChanges, stampOf } from '../../main/archive/store/sync/stamp.ts'
import type { Model } from './check.ts'
import type { OpEntry } from './op-log.ts'
import type { Random } from './random.ts'

export const OTHER_DEVICE = 'crash-other-device'

/** One change the other device made, and where its engine put it. */
export interface PlacedChange {
  id: string
  tag: string
  annotationId: string
  note: string
  /** The conflict copy's path; null when the shard was replaced in place. */
  copy: string | null
  shardFile: string
}

interface ShardFile {
  articles: Record<string, Article>
  [key: string]: unknown
}

/** Names as each engine writes them (conflict-names.ts must recognise every one). */
/** Each run's names differ, so a copy an earlier kill left is never overwritten. */
const NAMERS: ((key: string, n: number) => string)[] = [
  (k, n) => `${k}.sync-conflict-20261207-${clock(n)}-OTHERDV.json`,
  (k, n) => `${k} (Other's conflicted copy 2026-12-07${n ? ` (${n})` : ''}).json`,
  (k, n) => `${k}_conflict-20261207-${clock(n)}.json`,
  (k, n) => `${k} (conflicted copy 2026-12-07 ${clock(n)}).json`,
  (k, n) => `${k}-OTHER-LAPTOP-${n}.json`,
  (k, n) => `${k} ${n + 2}.json`,
]

/** A time of day (HHMMSS) that names run `n`. */
function clock(n: number): string {
  const two = (x: number) => String(x).padStart(2, '0')
  return `${two(Math.floor(n / 3600) % 24)}${two(Math.floor(n / 60) % 60)}${two(n % 60)}`
}

/** A file put in place as an engine does it: written aside, then renamed over. */
async function engineWrite(path: string, text: string): Promise<void> {
  const tmp = join(path, '..', `.syncthing.${randomBytes(4).toString('hex')}.tmp`)
  await writeFile(tmp, text)
  await rename(tmp, path)
}

function otherHighlight(article: Article, run: number): Annotation {
  const at = new Date().toISOString()
  return {
    id: randomBytes(8).toString('hex'),
    createdAt: at,
    updatedAt: at,
    color: 'blue',
    note: `other device highlight ${run}`,
    tags: [],
    target: {
      quote: {
        type: 'TextQuoteSelector',
        exact: article.title.slice(0, 12) || 'x',
        prefix: '',
        suffix: '',
      },
      position: {
        type: 'TextPositionSelector',
        start: 0,
        end: Math.max(1, Math.min(12, article.title.length)),
      },
    },
    orphaned: false,
  }
}

/**
 * Edit one to three articles in one to three shards "on the other device" and leave the
 * result as a conflict copy or an in-place replacement. The model learns the tag and the
 * highlight. Call with the archive closed (between runs) or its writer dead (after a kill).
 */
export async function placeOtherDeviceEdits(
  archive: string,
  model: Model,
  random: Random,
  run: number,
  /** Articles the killed operation was changing: left alone (the checker reads them). */
  busy: ReadonlySet<string> = new Set(),
): Promise<PlacedChange[]> {
  const catalog = join(archive, 'catalog')
  const shards = (await readdir(catalog).catch(() => [] as string[])).filter((n) =>
    /^[0-9a-f]{2}\.json$/.test(n),
  )
  const placed: PlacedChange[] = []
  const count = Math.min(shards.length, 1 + Math.floor(random() * 3))
  for (let s = 0; s < count; s++) {
    const name = shards.splice(Math.floor(random() * shards.length), 1)[0]!
    const shardFile = join(catalog, name)
    let shard: ShardFile
    try {
      shard = JSON.parse(await readFile(shardFile, 'utf8')) as ShardFile
    } catch {
      continue // torn by the kill: the open rebuilds it; nothing to copy from
    }
    const ids = Object.keys(shard.articles).filter((id) => model.has(id) && !busy.has(id))
    if (!ids.length) continue
    const key = name.slice(0, 2)
    const inPlace = random() < 0.3
    const copy = inPlace
      ? null
      : join(catalog, NAMERS[Math.floor(random() * NAMERS.length)]!(key, run))
    if (copy && parseConflictName(copy.slice(catalog.length + 1))?.original !== name)
      throw new Error(`the harness made a conflict name Quire does not know: ${copy}`)
    const edits: PlacedChange[] = []
    for (let e = 0; e < 1 + Math.floor(random() * 2) && ids.length; e++) {
      const id = ids.splice(Math.floor(random() * ids.length), 1)[0]!
      const prev = shard.articles[id]!
      const tag = `other${run}-${e}`
      const highlight = otherHighlight(prev, run)
      const note = `Written on the other device, run ${run}.`
      const next: Article = {
        ...prev,
        tags: [...prev.tags, tag],
        annotations: [...prev.annotations, highlight],
        note,
      }
      shard.articles[id] = stampChanges(prev, next, stampOf(new Date(), OTHER_DEVICE))
      const want = model.get(id)!
      want.tags = [...want.tags, tag]
      want.annotations++
      edits.push({ id, tag, annotationId: highlight.id, note, copy, shardFile })
    }
    await engineWrite(copy ?? shardFile, JSON.stringify(shard))
    placed.push(...edits)
  }
  return placed
}

/** Ids the child deleted for good, or was deleting when killed (their changes may go). */
function emptied(entries: OpEntry[]): Set<string> {
  const out = new Set<string>()
  for (const e of entries) if (e.op === 'empty-trash') for (const id of e.ids) out.add(id)
  return out
}

/** How many of the placed conflict copies are still there (not yet merged and removed). */
export async function copiesStillThere(placed: PlacedChange[]): Promise<number> {
  const copies = [...new Set(placed.flatMap((p) => (p.copy ? [p.copy] : [])))]
  const there = await Promise.all(
    copies.map((c) =>
      readFile(c).then(
        () => 1,
        () => 0,
      ),
    ),
  )
  return there.reduce<number>((n, x) => n + x, 0)
}

/** After the kill, before any open: a copy that is gone must be in the shard files. */
export async function copiesGoneEarly(
  placed: PlacedChange[],
  entries: OpEntry[],
): Promise<string[]> {
  const issues: string[] = []
  const gone = emptied(entries)
  for (const p of placed) {
    if (!p.copy || gone.has(p.id)) continue
    const stillThere = await readFile(p.copy).then(
      () => true,
      () => false,
    )
    if (stillThere) continue
    const text = await readFile(p.shardFile, 'utf8').catch(() => '')
    let record: Article | undefined
    try {
      record = (JSON.parse(text) as ShardFile).articles[p.id]
    } catch {
      record = undefined
    }
    if (!record?.annotations.some((a) => a.id === p.annotationId) || record.note !== p.note)
      issues.push(
        `conflict copy ${p.copy.split('/').slice(-2).join('/')} was removed before its merge was durable: ${p.shardFile.split('/').slice(-2).join('/')} lacks ${p.id}'s other-device highlight or note`,
      )
  }
  return issues
}

/** After the next open: every placed change is there, unless the child removed it since. */
export async function changesKept(
  placed: PlacedChange[],
  entries: OpEntry[],
  get: (id: string) => Promise<Article | undefined>,
): Promise<string[]> {
  const issues: string[] = []
  const gone = emptied(entries)
  for (const p of placed) {
    if (gone.has(p.id)) continue
    const record = await get(p.id)
    if (!record) issues.push(`article ${p.id} the other device edited is missing`)
    else if (!record.annotations.some((a) => a.id === p.annotationId))
      issues.push(`${p.id}: the other device's highlight ${p.annotationId} was lost`)
    else if (record.note !== p.note)
      issues.push(`${p.id}: the other device's note was lost (now ${JSON.stringify(record.note)})`)
  }
  return issues
}

/** Conflict copies still beside the shards after an open (each should have been merged). */
export async function copiesLeft(archive: string): Promise<string[]> {
  const names = await readdir(join(archive, 'catalog')).catch(() => [] as string[])
  return names.filter((n) => parseConflictName(n) !== null)
}
