// Reads a zip's central directory (the table of contents at its end) without inflating anything.
import { ImportFailure } from '../extracted.ts'

export interface DirectoryEntry {
  /** The name as stored (UTF-8 when the archive says so, else read as latin1). */
  name: string
  method: number
  flags: number
  crc: number
  compressedSize: number
  /** Declared, so not to be trusted: inflating stops at the cap whatever this says. */
  size: number
  localHeaderOffset: number
  isDirectory: boolean
}

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50
const EOCD_MIN = 22
const MAX_COMMENT = 0xffff

function invalid(reason: string): ImportFailure {
  return new ImportFailure('INVALID_INPUT', `not a readable zip archive: ${reason}`)
}

function findEndRecord(view: DataView): number {
  const last = view.byteLength - EOCD_MIN
  const first = Math.max(0, last - MAX_COMMENT)
  for (let i = last; i >= first; i--) {
    if (view.getUint32(i, true) === EOCD) return i
  }
  return -1
}

/**
 * The entries the archive declares. Throws ImportFailure INVALID_INPUT when the file is not
 * a zip, is truncated, or uses ZIP64 (no export we read needs it), and TOO_LARGE when it
 * declares more than `maxEntries` entries.
 */
export function readDirectory(bytes: Uint8Array, maxEntries: number): DirectoryEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (bytes.length < EOCD_MIN) throw invalid('the file is too short')
  const end = findEndRecord(view)
  if (end < 0) {
    const looksZip = bytes.length >= 4 && view.getUint32(0, true) === LOCAL
    throw invalid(looksZip ? 'the file is truncated (no end-of-archive record)' : 'no zip header')
  }
  const count = view.getUint16(end + 10, true)
  const dirSize = view.getUint32(end + 12, true)
  const dirOffset = view.getUint32(end + 16, true)
  if (count === 0xffff || dirOffset === 0xffffffff)
    throw invalid('ZIP64 archives are not supported')
  if (count > maxEntries) {
    throw new ImportFailure(
      'TOO_LARGE',
      `the zip has ${count} entries, more than the ${maxEntries} allowed`,
    )
  }
  if (dirOffset + dirSize > end) throw invalid('the table of contents points past the end')
  const entries: DirectoryEntry[] = []
  let p = dirOffset
  for (let i = 0; i < count; i++) {
    if (p + 46 > end || view.getUint32(p, true) !== CENTRAL)
      throw invalid('damaged table of contents')
    const flags = view.getUint16(p + 8, true)
    const nameLength = view.getUint16(p + 28, true)
    const extraLength = view.getUint16(p + 30, true)
    const commentLength = view.getUint16(p + 32, true)
    if (p + 46 + nameLength > end) throw invalid('damaged table of contents')
    const nameBytes = bytes.subarray(p + 46, p + 46 + nameLength)
    const name = new TextDecoder(flags & 0x800 ? 'utf-8' : 'latin1').decode(nameBytes)
    const size = view.getUint32(p + 24, true)
    const compressedSize = view.getUint32(p + 20, true)
    if (size === 0xffffffff || compressedSize === 0xffffffff)
      throw invalid('ZIP64 archives are not supported')
    entries.push({
      name,
      method: view.getUint16(p + 10, true),
      flags,
      crc: view.getUint32(p + 16, true),
      compressedSize,
      size,
      localHeaderOffset: view.getUint32(p + 42, true),
      isDirectory: name.endsWith('/') || name.endsWith('\\'),
    })
    p += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

/** The compressed bytes of one entry, found through its local header. */
export function entryData(bytes: Uint8Array, entry: DirectoryEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const at = entry.localHeaderOffset
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) {
    throw invalid(`the data of "${entry.name}" is missing (the file is truncated or damaged)`)
  }
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true)
  const stop = start + entry.compressedSize
  if (stop > bytes.length) throw invalid(`the data of "${entry.name}" is cut short`)
  return bytes.subarray(start, stop)
}
