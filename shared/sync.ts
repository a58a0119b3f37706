// The sync state of the archive, as Settings > Sync shows it: the same facts as
// `quire sync-status` (main/archive/store/sync/sync-status.ts), in the contract's terms.
// Paths here are for showing the person, never for reaching a file.
import * as z from 'zod'

export const SyncEngineSchema = z.enum([
  'Syncthing',
  'Dropbox',
  'iCloud Drive',
  'OneDrive',
  'Nextcloud',
  'ownCloud',
  'Google Drive',
])

const MergedFileSchema = z.object({
  /** Relative to the archive: 'catalog/5c.json', 'catalog/5c.sync-conflict-….json'. */
  file: z.string(),
  /** The engine that left the conflict copy; null for a file it replaced in place. */
  provider: z.string().nullable(),
  records: z.number().int().nonnegative(),
  notesKeptBoth: z.number().int().nonnegative(),
})

const UnmergedFileSchema = z.object({
  file: z.string(),
  /** Why it could not be merged, in words (the parser's first line). */
  reason: z.string(),
  /** Where the copy is kept now, relative to the archive. */
  keptAt: z.string(),
})

/** The last merge of another device's copies (the device's sync-state.json). */
export const LastMergeSchema = z.object({
  at: z.string(),
  merged: z.array(MergedFileSchema),
  unmerged: z.array(UnmergedFileSchema),
  /** Records changed here by the merge. */
  records: z.number().int().nonnegative(),
})

export const SyncStatusSchema = z.object({
  /** The sync engine the folder is in, as far as its marks tell; null when none is seen. */
  provider: SyncEngineSchema.nullable(),
  /** The folder the engine syncs, shown as the person knows it ("~/Sync"); null when none. */
  syncedFolder: z.string().nullable(),
  /** Whether `.stignore` keeps this device's state out of Syncthing. */
  ignoresWritten: z.boolean(),
  device: z.object({ id: z.string(), name: z.string() }),
  /** Every device that has written to this archive, this one included, sorted by id. */
  devices: z.array(z.string()),
  /** Conflict copies waiting to be merged, relative to the archive. */
  pending: z.array(z.string()),
  lastMerge: LastMergeSchema.nullable(),
  /** Where copies that could not be merged are kept, relative to the archive. */
  unmergedFolder: z.string(),
  /** The copies kept there now (any merge's, until the person deletes them), by name. */
  unmergedKept: z.array(z.string()),
})
export type SyncStatusView = z.infer<typeof SyncStatusSchema>

export const RevealResultSchema = z.object({
  /** False when this Quire cannot open a file manager (the browser shell): say where instead. */
  opened: z.boolean(),
})
