// Decides what a zip entry's name may become: a safe relative path, a file to skip, or a refusal.

export type NameVerdict =
  { kind: 'file'; path: string } | { kind: 'skip' } | { kind: 'unsafe'; reason: string }

/**
 * Zip-slip guard. Backslashes count as separators (archives made on Windows use them), so
 * `..\\evil` is caught too. Absolute paths, drive letters, `..` segments and NULs are
 * refused; directories, macOS resource forks (`__MACOSX/`) and dotfiles are skipped.
 */
export function judgeEntryName(raw: string): NameVerdict {
  if (raw.includes('\0')) return { kind: 'unsafe', reason: 'contains a NUL character' }
  const name = raw.replace(/\\/g, '/')
  if (name.startsWith('/')) return { kind: 'unsafe', reason: 'is an absolute path' }
  if (/^[a-zA-Z]:/.test(name)) return { kind: 'unsafe', reason: 'starts with a drive letter' }
  const segments = name.split('/')
  if (segments.some((s) => s === '..')) return { kind: 'unsafe', reason: 'climbs out with ".."' }
  if (name.endsWith('/')) return { kind: 'skip' }
  const kept = segments.filter((s) => s !== '' && s !== '.')
  if (kept.length === 0) return { kind: 'skip' }
  if (kept[0] === '__MACOSX' || kept.some((s) => s.startsWith('.'))) return { kind: 'skip' }
  return { kind: 'file', path: kept.join('/') }
}
