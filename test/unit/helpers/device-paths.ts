// Paths inside this device's folder of an archive (.local.nosync/<device>/): the journal,
// backups, index and lock that are never synced.
import { join } from 'node:path'
import { archiveLayout } from '../../../main/archive/store/layout.ts'

export function devicePath(root: string, ...parts: string[]): string {
  return join(archiveLayout(root).deviceDir, ...parts)
}
