// Facts about the Electron shell read from the repository itself: the installed Electron's
// version, the fuses in electron-builder.yml, and the sources of main/app and the renderer.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { z } from 'zod'

export const REPO = fileURLToPath(new URL('../../../../', import.meta.url))

export { installedElectronVersion } from '../../../tools/electronegativity-check.ts'

/** The devDependency range package.json asks for. */
export function declaredElectronRange(): string {
  const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'))
  return z.object({ devDependencies: z.object({ electron: z.string() }) }).parse(pkg)
    .devDependencies.electron
}

/**
 * Electron ships a major every 8 weeks (39.0.0 on 2025-10-28) and supports the newest three.
 * Holidays only ever delay a release, so this estimate can run ahead of the real latest major
 * by one, never behind: a test allowing one extra major cannot fail too early.
 */
export function estimatedLatestMajor(now: Date): number {
  const anchor = Date.UTC(2025, 9, 28)
  const weeks = Math.floor((now.getTime() - anchor) / (7 * 24 * 3600 * 1000))
  return 39 + Math.max(0, Math.floor(weeks / 8))
}

export function builderConfig(): Record<string, unknown> {
  return z
    .record(z.string(), z.unknown())
    .parse(parse(readFileSync(join(REPO, 'electron-builder.yml'), 'utf8')))
}

/** The text of every source file under a folder of the repository (tests excluded). */
export function sources(folder: string, ext = /\.(ts|tsx|html|mjs|cjs|js)$/): Map<string, string> {
  const out = new Map<string, string>()
  const root = join(REPO, folder)
  for (const rel of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
    if (!ext.test(rel) || rel.includes('node_modules')) continue
    out.set(`${folder}/${rel}`, readFileSync(join(root, rel), 'utf8'))
  }
  return out
}

/** The files among `files` whose text matches `pattern`. */
export function filesMatching(files: Map<string, string>, pattern: RegExp): string[] {
  return [...files].filter(([, text]) => pattern.test(text)).map(([name]) => name)
}
