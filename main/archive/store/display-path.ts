// The archive folder as a person would write it: the home folder shortened to `~` (on Linux
// and macOS), so Settings can say where the archive is without a long absolute path.
import { homedir } from 'node:os'
import { sep } from 'node:path'

export function displayPath(folder: string, home = homedir(), platform = process.platform): string {
  if (platform === 'win32' || !home) return folder
  if (folder === home) return '~'
  return folder.startsWith(home + sep) ? `~${folder.slice(home.length)}` : folder
}
