// Export notes into a folder (an Obsidian vault), updating in place: notes are found again by
// their `quire-id` front matter key, so a renamed or moved note is updated, not duplicated.
import { mkdir, readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import type { FileWriter } from '../store/atomic-write.ts'
import { mapLimit } from '../store/map-limit.ts'
import type { ExportItem } from './export-item.ts'
import { uniqueName } from './file-name.ts'
import { batchWriter } from './note-writer.ts'
import { noteFile, renderNote } from './markdown.ts'
import { mergeNote, quireIdOf } from './markdown-merge.ts'
import { DEFAULT_TEMPLATE, type MarkdownTemplate } from './markdown-template.ts'

/** Folders never searched for notes: app state, trash and version control. */
const SKIP_DIRS = new Set(['.obsidian', '.trash', '.git', 'node_modules', '.logseq'])
const MAX_DEPTH = 8
const CONCURRENCY = 8

export interface FolderExportResult {
  /** Paths relative to the folder. */
  created: string[]
  updated: string[]
  unchanged: string[]
  /** Notes that could not be written or updated, with the reason (the rest went on). */
  failed: { file: string; reason: string }[]
  /** Extra copies of a note (same quire-id) that were left alone. */
  duplicates: string[]
}

export interface FolderExportOptions {
  template?: MarkdownTemplate
  /** Tests may pass their own writer; the default is atomic, fsynced, folders synced once. */
  write?: FileWriter
}

/** Items rendered and written at a time: names are chosen in order within and across batches. */
const BATCH = 200

/** Write or update one note per item in `dir` (created when missing). Never deletes a file. */
export async function exportMarkdownFolder(
  items: Iterable<ExportItem> | AsyncIterable<ExportItem>,
  dir: string,
  opts: FolderExportOptions = {},
): Promise<FolderExportResult> {
  const batch = opts.write ? null : batchWriter()
  const write = opts.write ?? batch!.write
  const template = opts.template ?? DEFAULT_TEMPLATE
  await mkdir(dir, { recursive: true })
  const { byId, taken, duplicates } = await scanNotes(dir)
  const result: FolderExportResult = {
    created: [],
    updated: [],
    unchanged: [],
    failed: [],
    duplicates,
  }
  const run = async (group: ExportItem[]) => {
    // Names are chosen before any write, in item order, so the outcome does not race.
    const jobs = group.map((item) => {
      const note = renderNote(item, template)
      const found = byId.get(item.article.id)
      return { note, found, name: found ? null : uniqueName(note.fileBase, '.md', taken) }
    })
    await mapLimit(jobs, CONCURRENCY, async ({ note, found, name }) => {
      const rel = found ?? name!
      try {
        if (!found) {
          await write(join(dir, rel), noteFile(note))
          result.created.push(rel)
          return
        }
        const existing = await readFile(join(dir, rel), 'utf8')
        const next = mergeNote(existing, note, rel)
        if (next === existing) {
          result.unchanged.push(rel)
          return
        }
        await write(join(dir, rel), next)
        result.updated.push(rel)
      } catch (err) {
        result.failed.push({ file: rel, reason: (err as Error).message })
      }
    })
  }
  let group: ExportItem[] = []
  for await (const item of items) {
    group.push(item)
    if (group.length >= BATCH) {
      await run(group)
      group = []
    }
  }
  if (group.length) await run(group)
  await batch?.finish()
  for (const list of [result.created, result.updated, result.unchanged]) list.sort()
  return result
}

interface Scan {
  /** quire-id -> path relative to the folder (the first, in path order). */
  byId: Map<string, string>
  /** Lower-cased names already in the top folder, where new notes go. */
  taken: Set<string>
  duplicates: string[]
}

async function scanNotes(root: string): Promise<Scan> {
  const files: string[] = []
  const taken = new Set<string>()
  const walk = async (dir: string, depth: number): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true })
    for (const e of entries) {
      if (depth === 0) taken.add(e.name.toLowerCase())
      if (e.isDirectory() && depth < MAX_DEPTH && !SKIP_DIRS.has(e.name)) {
        await walk(join(dir, e.name), depth + 1)
      } else if (e.isFile() && e.name.toLowerCase().endsWith('.md')) {
        files.push(relative(root, join(dir, e.name)))
      }
    }
  }
  await walk(root, 0)
  files.sort()
  // Read again when updated, not kept: a vault of 100,000 notes is not held in memory.
  const ids = await mapLimit(files, CONCURRENCY, async (rel) =>
    quireIdOf(await readFile(join(root, rel), 'utf8').catch(() => '')),
  )
  const byId = new Map<string, string>()
  const duplicates: string[] = []
  files.forEach((rel, i) => {
    const id = ids[i]
    if (!id) return
    if (byId.has(id)) duplicates.push(rel)
    else byId.set(id, rel)
  })
  return { byId, taken, duplicates }
}
