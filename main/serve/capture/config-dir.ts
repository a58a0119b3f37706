// Where Quire keeps what belongs to this computer rather than to an archive (the paired
// browser extensions): QUIRE_CONFIG_DIR, else the platform's config folder.
import { homedir } from 'node:os'
import { join } from 'node:path'

export function quireConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.QUIRE_CONFIG_DIR) return env.QUIRE_CONFIG_DIR
  if (process.platform === 'win32' && env.APPDATA) return join(env.APPDATA, 'Quire')
  if (process.platform === 'darwin')
    return join(homedir(), 'Library', 'Application Support', 'Quire')
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'quire')
}
