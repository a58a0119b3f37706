// This device's id: what keeps one machine's journal, lock, index and backups apart from
// another's when the archive folder is synced (Syncthing, Dropbox…), and what stamps its
// edits so a merge can tell whose change is newer.
//
// The id lives outside the archive (a file in the user's state folder), never inside it:
// a synced archive would hand one device's id to the other.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { homedir } from 'node:os'
import { join } from 'node:path'

/** Letters, digits and dashes: the id becomes a folder name. */
const DEVICE_ID = /^[A-Za-z0-9-]{1,64}$/

export function isDeviceId(s: string): boolean {
  return DEVICE_ID.test(s)
}

/**
 * Where per-user, per-machine state goes: `QUIRE_STATE_DIR`, else the platform's place
 * (XDG state on Linux, Application Support on macOS, LOCALAPPDATA on Windows).
 */
export function stateDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.QUIRE_STATE_DIR) return env.QUIRE_STATE_DIR
  if (process.platform === 'darwin')
    return join(homedir(), 'Library', 'Application Support', 'Quire')
  if (process.platform === 'win32')
    return join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'Quire')
  return join(env.XDG_STATE_HOME ?? join(homedir(), '.local', 'state'), 'quire')
}

let cached: string | null = null

/**
 * This device's id: `QUIRE_DEVICE_ID` when set (tests run two "devices" on one machine),
 * else the one kept in `<stateDir>/device-id`, made on first use (16 random hex digits).
 * Throws when the variable holds something that cannot be a folder name.
 */
export function localDeviceId(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.QUIRE_DEVICE_ID
  if (fromEnv !== undefined && fromEnv !== '') {
    if (!isDeviceId(fromEnv)) throw new Error(`QUIRE_DEVICE_ID is not a device id: ${fromEnv}`)
    return fromEnv
  }
  if (cached) return cached
  const dir = stateDir(env)
  const file = join(dir, 'device-id')
  try {
    const id = readFileSync(file, 'utf8').trim()
    if (isDeviceId(id)) return (cached = id)
  } catch {
    // not made yet (or unreadable): make one below
  }
  const id = randomBytes(8).toString('hex')
  try {
    mkdirSync(dir, { recursive: true })
    const tmp = `${file}.${process.pid}.tmp`
    writeFileSync(tmp, id + '\n', { mode: 0o644 })
    renameSync(tmp, file)
  } catch {
    // A state folder that cannot be written: the id holds for this process only. Its
    // journal then lives under a new id each run, which only costs replaying nothing.
  }
  return (cached = id)
}
