// Turns the paths a user gave into import sources: files as given, directories walked.
// Hidden files and project meta files (README, LICENSE…) inside walked folders are skipped.
import { readdir, stat } from 'node:fs/promises'
import { basename, join, relative } from 'node:path'
import type { ImportResult } from '../../../shared/model.ts'

export interface ImportSource {
  /** How the user recognises it in reports: the path as given, or relative to the folder. */
  name: string
  path: string
}

const META_FILE = /^(readme|license|licence|notice|changelog|authors|copying)(\.[a-z]+)?$/i

export interface CollectedSources {
  sources: ImportSource[]
  results: ImportResult[]
}

export async function collectSources(paths: string[]): Promise<CollectedSources> {
  const sources: ImportSource[] = []
  const results: ImportResult[] = []
  for (const path of paths) {
    let info
    try {
      info = await stat(path)
    } catch (err) {
      results.push(failedStat(path, err))
      continue
    }
    if (info.isDirectory()) await walk(path, path, sources, results)
    else sources.push({ name: path, path })
  }
  return { sources, results }
}

async function walk(
  root: string,
  dir: string,
  sources: ImportSource[],
  results: ImportResult[],
): Promise<void> {
  let entries
  try {
    entries = await readdir(dir, { withFileTypes: true })
  } catch (err) {
    results.push(failedStat(dir, err))
    return
  }
  entries.sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }))
  for (const entry of entries) {
    const full = join(dir, entry.name)
    const name = join(basename(root), relative(root, full))
    if (entry.name.startsWith('.')) continue
    if (entry.isDirectory()) await walk(root, full, sources, results)
    else if (META_FILE.test(entry.name)) {
      results.push({ status: 'skipped', source: name, reason: 'a folder README/LICENSE file' })
    } else if (entry.isFile()) sources.push({ name, path: full })
  }
}

function failedStat(path: string, err: unknown): ImportResult {
  const code = (err as NodeJS.ErrnoException).code
  if (code === 'ENOENT') {
    return {
      status: 'failed',
      source: path,
      error: { code: 'NOT_FOUND', message: 'no such file or folder' },
    }
  }
  const reason = code === 'EACCES' ? 'permission denied' : (err as Error).message
  return { status: 'failed', source: path, error: { code: 'IO', message: reason } }
}
