// Where Quire keeps what belongs to this computer rather than to an archive (the paired
// browser extensions): the desktop app's user-data folder, so an extension paired with
// `quire serve` is paired with the app too. QUIRE_CONFIG_DIR overrides it (tests).
import { homedir } from 'node:os'
import { join } from 'node:path'

export function quireConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.QUIRE_CONFIG_DIR) return env.QUIRE_CONFIG_DIR
  if (env.QUIRE_USER_DATA_DIR) return env.QUIRE_USER_DATA_DIR
  if (process.platform === 'win32' && env.APPDATA) return join(env.APPDATA, 'Quire')
  if (process.platform === 'darwin')
    return join(homedir(), 'Library', 'Application Support', 'Quire')
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'Quire')
}
