// The names sync engines give the second copy of a file two devices changed at once, so
// Quire can find the copies of its shards and quire.json and merge them back. Each engine
// has its own scheme:
//
//   Syncthing         5c.sync-conflict-20261207-191500-ABCDEF7.json
//   Dropbox           5c (Ann's conflicted copy 2026-12-07).json, … (1)).json
//   Nextcloud/ownCloud 5c_conflict-20261207-191500.json (older clients),
//                     5c (conflicted copy 2026-12-07 191500).json (newer ones)
//   OneDrive          5c-DESKTOP-7F3K2.json (the other machine's name), 5c-HOST-1.json
//   iCloud Drive      5c 2.json
//   Google Drive      5c (1).json
//
// OneDrive's and iCloud's forms would match many ordinary names, so every form is accepted
// only when what it names is one of the archive's own synced files.

export type SyncProvider = 'syncthing' | 'dropbox' | 'nextcloud' | 'onedrive' | 'icloud' | 'gdrive'

export interface ConflictCopy {
  /** The file it is a copy of, in the same folder ('5c.json', 'quire.json'). */
  original: string
  provider: SyncProvider
  /** What the engine says about the other side, when it says (a device id or host name). */
  device?: string
}

/** The archive's files that are merged record by record: the shards and the manifest. */
export function isMergeableName(name: string): boolean {
  return /^[0-9a-f]{2}\.json$/.test(name) || name === 'quire.json'
}

interface Form {
  provider: SyncProvider
  pattern: RegExp
  /** The original's name from the match; the device from group `device` when present. */
  original: (m: RegExpExecArray) => string
}

const EXT = '(?<ext>\\.[A-Za-z0-9]+)?'

const FORMS: Form[] = [
  {
    provider: 'syncthing',
    pattern: new RegExp(
      `^(?<base>.+?)\\.sync-conflict-\\d{8}-\\d{6}-(?<device>[A-Z0-9]{7})${EXT}$`,
    ),
    original: (m) => base(m),
  },
  {
    provider: 'nextcloud',
    pattern: new RegExp(`^(?<base>.+?)_conflict-\\d{8}-\\d{6}${EXT}$`),
    original: (m) => base(m),
  },
  {
    // Newer Nextcloud and ownCloud clients: a date and a time, no owner.
    provider: 'nextcloud',
    pattern: new RegExp(`^(?<base>.+?) \\(conflicted copy \\d{4}-\\d{2}-\\d{2} \\d{6}\\)${EXT}$`),
    original: (m) => base(m),
  },
  {
    provider: 'dropbox',
    pattern: new RegExp(
      `^(?<base>.+?) \\((?:(?<device>[^()]+?)'s )?conflicted copy(?: \\d{4}-\\d{2}-\\d{2})?(?: \\(\\d+\\))?\\)${EXT}$`,
    ),
    original: (m) => base(m),
  },
  {
    provider: 'gdrive',
    pattern: new RegExp(`^(?<base>.+?) \\(\\d+\\)${EXT}$`),
    original: (m) => base(m),
  },
  {
    provider: 'icloud',
    pattern: new RegExp(`^(?<base>.+?) \\d+${EXT}$`),
    original: (m) => base(m),
  },
  {
    // The machine's name after a dash, sometimes with a number after it.
    provider: 'onedrive',
    pattern: new RegExp(`^(?<base>[0-9a-f]{2}|quire)-(?<device>[A-Za-z0-9][A-Za-z0-9-]*?)${EXT}$`),
    original: (m) => base(m),
  },
]

function base(m: RegExpExecArray): string {
  return `${m.groups!.base}${m.groups!.ext ?? ''}`
}

/**
 * The conflict copy `name` is, or null when it is none (or a copy of a file Quire does
 * not merge). `isOurs` says which originals count; by default the shards and quire.json.
 */
export function parseConflictName(
  name: string,
  isOurs: (original: string) => boolean = isMergeableName,
): ConflictCopy | null {
  for (const form of FORMS) {
    const m = form.pattern.exec(name)
    if (!m) continue
    const original = form.original(m)
    if (original === name || !isOurs(original)) continue
    const device = m.groups?.device
    return { original, provider: form.provider, ...(device ? { device } : {}) }
  }
  return null
}
