// The write-ahead journal's files: journal/<start>.jsonl, one segment per stretch between
// checkpoints. A segment is a header line, then one line per committed change. Each line is
// JSON, a tab and the CRC-32 of the JSON, so a torn last line (a kill mid-append) or a
// damaged one is told from a good one. Read by the writer, read-only openers, the index
// worker and recovery; written only by journal.ts.
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'

// node:zlib loads when first used, not with the module: a `quire list` never needs it.
const crc32 = (data: Uint8Array) => process.getBuiltinModule('node:zlib').crc32(data)

/** Why a segment began: the archive's first, an archive from before the journal, a checkpoint, a backup. */
export type SegmentSince = 'creation' | 'upgrade' | 'checkpoint' | 'backup'

export interface SegmentHeader {
  journal: 1
  /** The seq of the first change this segment holds (or would hold). */
  start: number
  since: SegmentSince
  at: string
}

/**
 * One committed change: full records put (a new or changed article, as JSON), ids removed,
 * and the whole manifest when it changed. Applying entries in order over any older state of
 * the files gives the committed state: every value is whole, so replay is idempotent.
 */
export interface JournalEntry {
  seq: number
  at: string
  /** The schema version the records and manifest are in. */
  v: number
  put?: Record<string, unknown>[]
  del?: string[]
  manifest?: Record<string, unknown>
}

export interface SegmentFile {
  name: string
  path: string
  start: number
}

export interface ReadSegment extends SegmentFile {
  header: SegmentHeader | null
  entries: JournalEntry[]
  /** Byte length of the part made of whole, good lines (where the next append goes). */
  goodBytes: number
  /** Whole lines that failed their checksum (damage, not a torn end), by line number. */
  badLines: number[]
  /** A partial last line: a kill landed mid-append. */
  tornTail: boolean
}

const SEGMENT_NAME = /^(\d{12})\.jsonl$/

export function segmentName(start: number): string {
  return `${String(start).padStart(12, '0')}.jsonl`
}

/** One line, newline included: JSON, tab, CRC-32 in hex. */
export function encodeLine(value: object): Buffer {
  const json = JSON.stringify(value)
  const body = Buffer.from(json)
  return Buffer.concat([body, Buffer.from(`\t${crc32(body).toString(16)}\n`)])
}

/**
 * An entry's line, the same bytes as encodeLine(entry), built record by record: a change to
 * every article of a large archive (a tag renamed everywhere) never becomes one string of
 * 100 MB, only record-sized ones that die young (as shard-file.ts does for shards).
 */
export function encodeEntry(entry: JournalEntry): Buffer {
  const { put, del, manifest, ...head } = entry
  const parts: Buffer[] = [Buffer.from(JSON.stringify(head).slice(0, -1))]
  if (put) {
    parts.push(Buffer.from(',"put":['))
    put.forEach((r, i) => parts.push(Buffer.from((i ? ',' : '') + JSON.stringify(r))))
    parts.push(Buffer.from(']'))
  }
  if (del) parts.push(Buffer.from(`,"del":${JSON.stringify(del)}`))
  if (manifest) parts.push(Buffer.from(`,"manifest":${JSON.stringify(manifest)}`))
  parts.push(Buffer.from('}'))
  const body = Buffer.concat(parts)
  return Buffer.concat([body, Buffer.from(`\t${crc32(body).toString(16)}\n`)])
}

/** The value of a line written by encodeLine, or null when it fails its checksum or parse. */
export function decodeLine(line: Buffer): unknown {
  const tab = line.lastIndexOf(0x09)
  if (tab < 0) return null
  const body = line.subarray(0, tab)
  if (crc32(body).toString(16) !== line.subarray(tab + 1).toString('latin1')) return null
  try {
    return JSON.parse(body.toString('utf8')) as unknown
  } catch {
    return null
  }
}

/** The segments in `dir`, oldest first; none when the folder is missing. */
export async function listSegments(dir: string): Promise<SegmentFile[]> {
  let names: string[]
  try {
    names = await readdir(dir)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw err
  }
  return names
    .flatMap((name) => {
      const m = SEGMENT_NAME.exec(name)
      return m ? [{ name, path: join(dir, name), start: Number(m[1]) }] : []
    })
    .sort((a, b) => a.start - b.start)
}

/** Parse a segment. Null when the file vanished (a writer removed it after a backup). */
export async function readSegment(file: SegmentFile): Promise<ReadSegment | null> {
  let bytes: Buffer
  try {
    bytes = await readFile(file.path)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw err
  }
  return parseSegment(file, bytes)
}

export function parseSegment(file: SegmentFile, bytes: Buffer): ReadSegment {
  const out: ReadSegment = {
    ...file,
    header: null,
    entries: [],
    goodBytes: 0,
    badLines: [],
    tornTail: false,
  }
  let at = 0
  for (let n = 0; at < bytes.length; n++) {
    const end = bytes.indexOf(0x0a, at)
    if (end < 0) {
      out.tornTail = true
      break
    }
    const value = decodeLine(bytes.subarray(at, end))
    at = end + 1
    if (n === 0 && isHeader(value)) out.header = value
    else if (isEntry(value)) out.entries.push(value)
    else {
      out.badLines.push(n + 1)
      continue
    }
    out.goodBytes = at
  }
  // A bad line followed by nothing good is a torn end too (the kill cut it short).
  while (out.badLines.length && out.badLines.at(-1)! > lineCount(bytes, out.goodBytes)) {
    out.badLines.pop()
    out.tornTail = true
  }
  return out
}

function lineCount(bytes: Buffer, upTo: number): number {
  let n = 0
  for (let i = bytes.indexOf(0x0a); i >= 0 && i < upTo; i = bytes.indexOf(0x0a, i + 1)) n++
  return n
}

function isHeader(v: unknown): v is SegmentHeader {
  const h = v as SegmentHeader | null
  return !!h && h.journal === 1 && Number.isInteger(h.start) && typeof h.since === 'string'
}

function isEntry(v: unknown): v is JournalEntry {
  const e = v as JournalEntry | null
  return (
    !!e &&
    Number.isInteger(e.seq) &&
    typeof e.at === 'string' &&
    Number.isInteger(e.v) &&
    (e.put === undefined || Array.isArray(e.put)) &&
    (e.del === undefined || Array.isArray(e.del)) &&
    (e.manifest === undefined || (typeof e.manifest === 'object' && e.manifest !== null))
  )
}
