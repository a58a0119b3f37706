// What the crash harness checks after each kill: the files parse, the archive as read back
// matches the child's log (allowing the one operation in flight to have landed whole or
// not at all), nothing is left without an owner after the next open, no backup is torn.
import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { sealedBackups } from '../../main/archive/store/backups.ts'
import { archiveLayout } from '../../main/archive/store/layout.ts'
import { parseConflictName } from '../../main/archive/store/sync/conflict-names.ts'
import type { OpEntry } from './op-log.ts'

export interface ArticleState {
  title: string
  tags: string[]
  deleted: boolean
  /** Highlights saved on it (the child adds one per annotate op, never removes any). */
  annotations: number
}

export type Model = Map<string, ArticleState>

/** A completed operation, applied to the model. */
export function apply(model: Model, e: OpEntry): void {
  if (e.phase !== 'done') return
  if (e.op === 'import') {
    for (const item of e.items)
      model.set(item.id, { title: item.title, tags: [], deleted: false, annotations: 0 })
  } else if (e.op === 'tag') {
    model.get(e.id)!.tags = e.tags
  } else if (e.op === 'trash' || e.op === 'restore') {
    for (const id of e.ids) model.get(id)!.deleted = e.op === 'trash'
  } else if (e.op === 'bulk-tag') {
    for (const id of e.ids) {
      const a = model.get(id)!
      if (!a.tags.includes(e.tag)) a.tags = [...a.tags, e.tag]
    }
  } else if (e.op === 'empty-trash') {
    for (const id of e.ids) model.delete(id)
  } else if (e.op === 'annotate') {
    model.get(e.id)!.annotations++
  }
}

export interface Comparison {
  lost: string[]
  phantom: string[]
  /** An operation over several articles found applied to some of them only. */
  partialBulk: string[]
}

/**
 * Tags compare as sets: a merge with another device's copy (sync-copies.ts) puts the newer
 * side's tags first, so their order says nothing about whether a tag was lost.
 */
const same = (a: string[], b: string[]) =>
  JSON.stringify([...a].sort()) === JSON.stringify([...b].sort())

/**
 * Each logged article must be on disk as the completed ops left it, or as the one in-flight
 * op would leave it, and an op over several articles must have landed on all or none.
 * Every item an in-flight import reported must be there.
 */
export function compare(
  model: Model,
  actual: Model,
  inFlight: { op: OpEntry; progress: number } | null,
): Comparison {
  const out: Comparison = { lost: [], phantom: [], partialBulk: [] }
  const op = inFlight?.op
  /** Whether the in-flight op, had it landed, would show on this article. */
  const landedOn = (id: string, got: ArticleState | undefined, want: ArticleState): boolean => {
    if (!op) return false
    if (op.op === 'tag' && op.id === id) return !!got && same(got.tags, op.tags)
    if (op.op === 'bulk-tag' && op.ids.includes(id))
      return (
        !!got && same(got.tags, want.tags.includes(op.tag) ? want.tags : [...want.tags, op.tag])
      )
    if ((op.op === 'trash' || op.op === 'restore') && op.ids.includes(id))
      return !!got && got.deleted === (op.op === 'trash')
    if (op.op === 'empty-trash' && op.ids.includes(id)) return !got
    if (op.op === 'annotate' && op.id === id)
      return !!got && got.annotations === want.annotations + 1
    return false
  }
  let landed = 0
  let untouched = 0
  for (const [id, want] of model) {
    const got = actual.get(id)
    const asLogged =
      !!got &&
      got.title === want.title &&
      same(got.tags, want.tags) &&
      got.deleted === want.deleted &&
      got.annotations === want.annotations
    const isTarget = op && 'ids' in op && op.ids.includes(id)
    const hasEffect = landedOn(id, got, want)
    if (isTarget) {
      // A no-op for this article (already trashed, already tagged) counts as both.
      if (hasEffect && asLogged) continue
      if (hasEffect) landed++
      else if (asLogged) untouched++
    }
    if (asLogged || hasEffect) continue
    out.lost.push(
      got
        ? `${id}: on disk ${JSON.stringify(got)}, logged ${JSON.stringify(want)}`
        : `logged article ${id} ("${want.title}") is missing`,
    )
  }
  if (landed && untouched) {
    out.partialBulk.push(`${op!.op} #${op!.seq}: applied to ${landed}, not to ${untouched}`)
  }
  const titles = op?.op === 'import' && op.phase === 'begin' ? [...op.titles] : []
  let importedInFlight = 0
  for (const [id, got] of actual) {
    if (model.has(id)) continue
    const i = titles.indexOf(got.title)
    if (i >= 0 && !got.deleted && got.tags.length === 0 && got.annotations === 0) {
      titles.splice(i, 1)
      importedInFlight++
    } else out.phantom.push(`article ${id} ("${got.title}") is on disk but was never imported`)
  }
  if (op?.op === 'import' && importedInFlight < inFlight!.progress) {
    out.lost.push(
      `import #${op.seq} reported ${inFlight!.progress} item(s) imported; ${importedInFlight} are on disk`,
    )
  }
  return out
}

/** Parse every data file as the store would, before the store gets to recover anything. */
export async function inspectFiles(
  archive: string,
): Promise<{ damaged: string[]; tempFiles: number; lockPid: number | null }> {
  const damaged: string[] = []
  let tempFiles = 0
  const check = async (rel: string) => {
    const text = await readFile(join(archive, rel), 'utf8').catch(() => null)
    if (text === null) return
    try {
      const json = JSON.parse(text) as { articles?: unknown; format?: unknown }
      if (rel.startsWith('catalog/') && typeof json.articles !== 'object') throw new Error()
      if (rel === 'quire.json' && json.format !== 'quire-archive') throw new Error()
    } catch {
      damaged.push(`${rel} does not parse`)
    }
  }
  await check('quire.json')
  const layout = archiveLayout(archive)
  const journal = relative(archive, layout.journalDir).split(sep).join('/')
  for (const sub of ['', 'catalog', 'content', 'assets', journal]) {
    for (const name of await readdir(join(archive, sub)).catch(() => [] as string[])) {
      const rel = sub ? `${sub}/${name}` : name
      if (name.endsWith('.tmp')) tempFiles++
      else if (name.endsWith('.damaged')) damaged.push(`${rel} exists`)
      else if (sub === 'catalog' && /^[0-9a-f]{2}\.json$/.test(name)) await check(rel)
      // Another device's copy (sync-copies.ts) waiting for its merge: a shard too.
      else if (sub === 'catalog' && parseConflictName(name)) await check(rel)
      else if (sub === 'catalog') damaged.push(`unexpected file ${rel}`)
    }
  }
  const lock = await readFile(layout.lockFile, 'utf8').catch(() => null)
  return { damaged, tempFiles, lockPid: lockOwnerPid(lock) }
}

function lockOwnerPid(lock: string | null): number | null {
  try {
    return lock ? (JSON.parse(lock) as { pid: number }).pid : null
  } catch {
    return null
  }
}

export async function tornBackups(archive: string): Promise<string[]> {
  const torn: string[] = []
  const backups = await sealedBackups(archiveLayout(archive)).catch(() => [])
  for (const b of backups) {
    for (const [rel, entry] of Object.entries(b.manifest.files)) {
      const bytes = await readFile(join(b.dir, rel)).catch(() => Buffer.alloc(0))
      if (createHash('sha256').update(bytes).digest('hex') !== entry.sha256) {
        torn.push(`${b.name}/${rel}`)
      }
    }
  }
  return torn
}

const BODY = /^([0-9a-f]{16})(?:\.v(\d+))?\.html$/
const ASSET_REF = /assets\/([0-9a-f]{64}\.[a-z]+)/g

/**
 * Files no record owns: bodies and versions of ids not in the catalog (or versions it does
 * not list), and images no body, version or record refers to. Reads every body.
 */
export async function orphans(
  archive: string,
  records: Map<string, { versions?: { n: number }[]; leadImage?: string }>,
): Promise<string[]> {
  const out: string[] = []
  const used = new Set<string>()
  for (const r of records.values())
    for (const m of (r.leadImage ?? '').matchAll(ASSET_REF)) used.add(m[1]!)
  for (const name of await readdir(join(archive, 'content')).catch(() => [] as string[])) {
    const m = BODY.exec(name)
    if (!m) continue
    const r = records.get(m[1]!)
    const owned = r && (m[2] === undefined || r.versions?.some((v) => v.n === Number(m[2])))
    if (!owned) {
      out.push(`content/${name}`)
      continue
    }
    const html = await readFile(join(archive, 'content', name), 'utf8')
    for (const a of html.matchAll(ASSET_REF)) used.add(a[1]!)
  }
  for (const name of await readdir(join(archive, 'assets')).catch(() => [] as string[])) {
    if (!name.endsWith('.tmp') && !used.has(name)) out.push(`assets/${name}`)
  }
  return out
}
