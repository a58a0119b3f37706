// Reading the files next to an imported one (a saved page's `page_files/photo.jpg`), and
// nothing outside its folder: a page that points at `../../.ssh/id_rsa` gets nothing.
import { readFile, realpath } from 'node:fs/promises'
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path'

/** Largest sibling file read (an image); bigger ones are treated as missing. */
const MAX_SIBLING_BYTES = 50 * 1024 * 1024

/**
 * Reads a path relative to the file's folder, as html/localise-images' localPath gives it
 * (already decoded from the src, `..` refused); this only confines it to the folder.
 */
export function siblingReader(filePath: string): (rel: string) => Promise<Uint8Array | null> {
  const folder = resolve(dirname(filePath))
  return async (rel) => {
    if (!rel || isAbsolute(rel)) return null
    const target = resolve(folder, rel)
    if (!inside(folder, target)) return null
    try {
      // Symlinks could still point outside: compare the real paths too.
      const real = await realpath(target)
      if (!inside(await realpath(folder), real)) return null
      const bytes = await readFile(real)
      return bytes.byteLength <= MAX_SIBLING_BYTES ? bytes : null
    } catch {
      return null
    }
  }
}

function inside(folder: string, target: string): boolean {
  const rel = relative(folder, target)
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel)
}
