// Safe zip reading: refuses zip-slip names, encrypted entries and bombs; yields { path, bytes }.
import { Inflate } from 'fflate'
import { ImportFailure } from '../extracted.ts'
import { crc32 } from './crc32.ts'
import { entryData, readDirectory, type DirectoryEntry } from './zip-directory.ts'
import { judgeEntryName } from './zip-names.ts'

export interface ZipFile {
  /** Relative, '/'-separated, never absolute and never with '..'. */
  path: string
  bytes: Uint8Array
}

export interface ZipLimits {
  maxEntries: number
  /** Uncompressed bytes one entry may reach. */
  maxEntryBytes: number
  /** Uncompressed bytes all the entries read may reach together. */
  maxTotalBytes: number
}

const MB = 1024 * 1024

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 100_000,
  // No export we read has a bigger single file (Pocket splits its CSV into parts), and the
  // cap bounds what a bomb makes us hold before it is refused.
  maxEntryBytes: 64 * MB,
  maxTotalBytes: 1024 * MB,
}

export interface ReadZipOptions extends Partial<ZipLimits> {
  /** Only these files are inflated (and count towards the total); the others are skipped. */
  accept?: (path: string) => boolean
}

/** Compressed bytes handed to the inflater at a time, so the running count stops a bomb early. */
const PUSH_BYTES = 16 * 1024

const STORED = 0
const DEFLATE = 8

/** An entry of the zip that could not be read, and why (the others still were). */
export interface ZipProblem {
  name: string
  reason: string
}

/**
 * The files of a zip archive. Throws ImportFailure 'INVALID_INPUT' (not a zip, truncated,
 * damaged, encrypted, unsupported compression, an unsafe name) or 'TOO_LARGE' (too many
 * entries, or an entry or the whole over its cap, whether declared or found while inflating).
 */
export function readZip(bytes: Uint8Array, options: ReadZipOptions = {}): ZipFile[] {
  const { files, problems } = readZipEntries(bytes, options)
  if (problems.length) throw problems[0]!.failure
  return files
}

/**
 * The files of a zip archive that can be read, and the entries that cannot, each with its
 * reason: one bad entry (an unsafe name, encrypted, damaged, too large) does not cost the
 * others. Throws only when the zip as a whole cannot be read (not a zip, truncated, too
 * many entries).
 */
export function readZipLenient(
  bytes: Uint8Array,
  options: ReadZipOptions = {},
): { files: ZipFile[]; problems: ZipProblem[] } {
  const { files, problems } = readZipEntries(bytes, options)
  return {
    files,
    problems: problems.map(({ name, failure }) => ({ name, reason: failure.message })),
  }
}

function readZipEntries(
  bytes: Uint8Array,
  options: ReadZipOptions,
): { files: ZipFile[]; problems: { name: string; failure: ImportFailure }[] } {
  const limits = { ...DEFAULT_ZIP_LIMITS, ...definedOnly(options) }
  const problems: { name: string; failure: ImportFailure }[] = []
  const wanted: { entry: DirectoryEntry; path: string }[] = []
  let declaredTotal = 0
  for (const entry of readDirectory(bytes, limits.maxEntries)) {
    const verdict = judgeEntryName(entry.name)
    if (verdict.kind === 'unsafe') {
      const failure = new ImportFailure(
        'INVALID_INPUT',
        `the zip entry "${entry.name}" ${verdict.reason}`,
      )
      problems.push({ name: entry.name, failure })
      continue
    }
    if (verdict.kind === 'skip' || entry.isDirectory) continue
    if (options.accept && !options.accept(verdict.path)) continue
    try {
      checkEntry(entry, limits)
      if (declaredTotal + entry.size > limits.maxTotalBytes) throw totalTooLarge(limits)
    } catch (err) {
      problems.push({ name: entry.name, failure: err as ImportFailure })
      continue
    }
    declaredTotal += entry.size
    wanted.push({ entry, path: verdict.path })
  }
  const files: ZipFile[] = []
  let total = 0
  for (const { entry, path } of wanted) {
    try {
      const data = inflateEntry(bytes, entry, limits, limits.maxTotalBytes - total)
      total += data.length
      files.push({ path, bytes: data })
    } catch (err) {
      if (!(err instanceof ImportFailure)) throw err
      problems.push({ name: entry.name, failure: err })
    }
  }
  return { files, problems }
}

function definedOnly(o: ReadZipOptions): Partial<ZipLimits> {
  const out: Partial<ZipLimits> = {}
  if (o.maxEntries !== undefined) out.maxEntries = o.maxEntries
  if (o.maxEntryBytes !== undefined) out.maxEntryBytes = o.maxEntryBytes
  if (o.maxTotalBytes !== undefined) out.maxTotalBytes = o.maxTotalBytes
  return out
}

function checkEntry(entry: DirectoryEntry, limits: ZipLimits): void {
  if (entry.flags & 1) {
    throw new ImportFailure('INVALID_INPUT', `the zip entry "${entry.name}" is encrypted`)
  }
  if (entry.method !== STORED && entry.method !== DEFLATE) {
    throw new ImportFailure(
      'INVALID_INPUT',
      `the zip entry "${entry.name}" uses compression method ${entry.method}, which is not supported`,
    )
  }
  if (entry.size > limits.maxEntryBytes) throw entryTooLarge(entry, limits)
}

function entryTooLarge(entry: DirectoryEntry, limits: ZipLimits): ImportFailure {
  return new ImportFailure(
    'TOO_LARGE',
    `the zip entry "${entry.name}" unpacks to more than ${formatMb(limits.maxEntryBytes)} MB`,
  )
}

function totalTooLarge(limits: ZipLimits): ImportFailure {
  return new ImportFailure(
    'TOO_LARGE',
    `the zip unpacks to more than ${formatMb(limits.maxTotalBytes)} MB in all`,
  )
}

function formatMb(n: number): string {
  return (n / MB).toFixed(n % MB === 0 ? 0 : 1)
}

function inflateEntry(
  bytes: Uint8Array,
  entry: DirectoryEntry,
  limits: ZipLimits,
  totalLeft: number,
): Uint8Array {
  const data = entryData(bytes, entry)
  const out = entry.method === STORED ? data.slice() : inflateCapped(data, entry, limits, totalLeft)
  if (out.length !== entry.size) {
    throw new ImportFailure(
      'INVALID_INPUT',
      `the zip entry "${entry.name}" is damaged: it unpacks to ${out.length} bytes, not the ${entry.size} it declares`,
    )
  }
  if (crc32(out) !== entry.crc) {
    throw new ImportFailure(
      'INVALID_INPUT',
      `the zip entry "${entry.name}" is damaged (checksum mismatch)`,
    )
  }
  return out
}

/** Inflates chunk by chunk and stops as soon as the output passes either cap. */
function inflateCapped(
  data: Uint8Array,
  entry: DirectoryEntry,
  limits: ZipLimits,
  totalLeft: number,
): Uint8Array {
  const chunks: Uint8Array[] = []
  let size = 0
  let finished = false
  const inflater = new Inflate((chunk, final) => {
    size += chunk.length
    if (size > limits.maxEntryBytes) throw entryTooLarge(entry, limits)
    if (size > totalLeft) throw totalTooLarge(limits)
    chunks.push(chunk)
    if (final) finished = true
  })
  try {
    for (let at = 0; at < data.length; at += PUSH_BYTES) {
      const end = Math.min(at + PUSH_BYTES, data.length)
      inflater.push(data.subarray(at, end), end === data.length)
      if (finished) break
    }
    if (data.length === 0) inflater.push(new Uint8Array(0), true)
  } catch (err) {
    if (err instanceof ImportFailure) throw err
    const why = err instanceof Error ? err.message : String(err)
    throw new ImportFailure('INVALID_INPUT', `the zip entry "${entry.name}" is damaged (${why})`)
  }
  if (!finished) {
    throw new ImportFailure('INVALID_INPUT', `the zip entry "${entry.name}" is cut short`)
  }
  return concat(chunks, size)
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!
  const out = new Uint8Array(size)
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.length
  }
  return out
}
