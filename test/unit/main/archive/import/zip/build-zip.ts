// Test helper: writes zip archives byte by byte, so tests can make the hostile ones
// (lying sizes, unsafe names, encrypted flags) that ordinary zip writers refuse to make.
import { deflateSync } from 'fflate'
import { crc32 } from '../../../../../../main/archive/import/zip/crc32.ts'

export interface RawEntry {
  name: string
  /** The uncompressed content; compressed with deflate unless `stored`. */
  content?: Uint8Array | string
  /** Already-compressed deflate data (with `size` and `crc` to declare). */
  deflated?: Uint8Array
  stored?: boolean
  size?: number
  crc?: number
  flags?: number
}

const enc = new TextEncoder()

export function buildZip(entries: RawEntry[]): Uint8Array {
  const locals: Uint8Array[] = []
  const centrals: Uint8Array[] = []
  let offset = 0
  for (const e of entries) {
    const raw =
      typeof e.content === 'string' ? enc.encode(e.content) : (e.content ?? new Uint8Array())
    const data = e.deflated ?? (e.stored ? raw : deflateSync(raw))
    const method = e.stored ? 0 : 8
    const size = e.size ?? raw.length
    const crc = e.crc ?? crc32(raw)
    const name = enc.encode(e.name)
    const flags = (e.flags ?? 0) | 0x800
    const local = new Uint8Array(30 + name.length)
    const lv = new DataView(local.buffer)
    lv.setUint32(0, 0x04034b50, true)
    lv.setUint16(4, 20, true)
    lv.setUint16(6, flags, true)
    lv.setUint16(8, method, true)
    lv.setUint32(14, crc, true)
    lv.setUint32(18, data.length, true)
    lv.setUint32(22, size, true)
    lv.setUint16(26, name.length, true)
    local.set(name, 30)
    const central = new Uint8Array(46 + name.length)
    const cv = new DataView(central.buffer)
    cv.setUint32(0, 0x02014b50, true)
    cv.setUint16(4, 20, true)
    cv.setUint16(6, 20, true)
    cv.setUint16(8, flags, true)
    cv.setUint16(10, method, true)
    cv.setUint32(16, crc, true)
    cv.setUint32(20, data.length, true)
    cv.setUint32(24, size, true)
    cv.setUint16(28, name.length, true)
    cv.setUint32(42, offset, true)
    central.set(name, 46)
    locals.push(local, data)
    centrals.push(central)
    offset += local.length + data.length
  }
  const dirSize = centrals.reduce((n, c) => n + c.length, 0)
  const end = new Uint8Array(22)
  const ev = new DataView(end.buffer)
  ev.setUint32(0, 0x06054b50, true)
  ev.setUint16(8, entries.length, true)
  ev.setUint16(10, entries.length, true)
  ev.setUint32(12, dirSize, true)
  ev.setUint32(16, offset, true)
  return concat([...locals, ...centrals, end])
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

/**
 * A raw deflate stream that inflates to `total` zero bytes, written directly as one fixed-
 * Huffman block (a literal 0, then "copy 258 bytes from 1 back" codes of 13 bits each), so a
 * 1 GB bomb costs ~7 MB and a few hundred milliseconds to build instead of 1 GB of input.
 */
export function zeroBomb(total: number): Uint8Array {
  const repeats = Math.floor((total - 1) / 258)
  const tail = total - 1 - repeats * 258
  const out = new Uint8Array(Math.ceil((3 + 8 + repeats * 13 + tail * 8 + 7) / 8) + 8)
  let byte = 0
  let bit = 0
  let pos = 0
  const put = (value: number, count: number): void => {
    for (let i = 0; i < count; i++) {
      byte |= ((value >>> i) & 1) << bit
      if (++bit === 8) {
        out[pos++] = byte
        byte = 0
        bit = 0
      }
    }
  }
  // Huffman codes go most significant bit first, so they are reversed before `put`.
  const code = (value: number, count: number): void => put(reverse(value, count), count)
  put(1, 1) // BFINAL
  put(1, 2) // BTYPE 01: fixed Huffman
  code(0x30, 8) // literal 0
  for (let i = 0; i < repeats; i++) {
    code(0xc5, 8) // length code 285: 258 bytes
    code(0, 5) // distance code 0: 1 back
  }
  for (let i = 0; i < tail; i++) code(0x30, 8) // the last few zeros as literals
  code(0, 7) // end of block (256)
  if (bit > 0) out[pos++] = byte
  return out.subarray(0, pos)
}

function reverse(value: number, count: number): number {
  let r = 0
  for (let i = 0; i < count; i++) r = (r << 1) | ((value >>> i) & 1)
  return r
}
