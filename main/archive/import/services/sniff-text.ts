// Reads a Sniff's head as text whatever the encoding, for the importers' `matches` checks.
import type { Sniff } from '../importer.ts'

/**
 * The head with any BOM removed and UTF-16's NUL bytes dropped: enough to compare ASCII
 * headers and JSON keys (the head is latin1, so non-ASCII letters stay mangled).
 */
export function headText(s: Sniff): string {
  return s.head.replace(/^(\xEF\xBB\xBF|\xFF\xFE|\xFE\xFF)/, '').replace(/\0/g, '')
}

/** The lower-cased, unquoted column names of a CSV head's first line. */
export function csvHeader(s: Sniff): string[] {
  const line = headText(s).split(/\r?\n/, 1)[0] ?? ''
  return line.split(',').map((c) => c.trim().replace(/^"|"$/g, '').trim().toLowerCase())
}

export function hasColumns(header: string[], needed: string[]): boolean {
  return needed.every((c) => header.includes(c))
}

/**
 * The names of the zip entries whose local headers lie in the sniffed head, in order: the
 * first few files (enough to see past a leading folder entry), or [] when it is not a zip.
 */
export function zipEntryNamesInHead(s: Sniff): string[] {
  const h = s.head
  const u16 = (at: number): number => h.charCodeAt(at) | (h.charCodeAt(at + 1) << 8)
  const names: string[] = []
  let at = 0
  while (at + 30 <= h.length && h.startsWith('PK\x03\x04', at)) {
    const nameLength = u16(at + 26)
    names.push(h.slice(at + 30, at + 30 + nameLength))
    // With a data descriptor (flag bit 3) the size is not in the local header: stop there.
    if (u16(at + 6) & 8) break
    const size = u16(at + 18) + u16(at + 20) * 0x10000
    at += 30 + nameLength + u16(at + 28) + size
  }
  return names
}

/** The file name without its folders, lower-cased. */
export function baseName(s: Sniff): string {
  return s.name.split(/[\\/]/).pop()!.toLowerCase()
}
