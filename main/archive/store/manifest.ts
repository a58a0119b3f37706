// quire.json: the archive's identity, schema version and small shared state (tags, saved
// searches, feeds) with the clocks that let two devices' copies merge.
import * as z from 'zod'
import {
  ArchiveOptionsSchema,
  FeedSchema,
  SavedSearchSchema,
  TagSchema,
} from '../../../shared/model.ts'

/**
 * When a tag, saved search or feed was last added, changed or deleted (a stamp: time/device).
 * An entry whose item is absent from its list is a tombstone, with the devices that have
 * seen it (sync/manifest-clock.ts).
 */
const EntryClockSchema = z.object({ at: z.string(), seen: z.array(z.string()).optional() })
export type EntryClock = z.infer<typeof EntryClockSchema>

export const ManifestClockSchema = z.object({
  /** By tag name. */
  tags: z.record(z.string(), EntryClockSchema).optional(),
  /** By saved search id. */
  savedSearches: z.record(z.string(), EntryClockSchema).optional(),
  /** By feed id. */
  feeds: z.record(z.string(), EntryClockSchema).optional(),
})
export type ManifestClock = z.infer<typeof ManifestClockSchema>

export const ManifestSchema = z.object({
  format: z.literal('quire-archive'),
  schemaVersion: z.number().int().positive(),
  createdAt: z.string(),
  tags: z.array(TagSchema),
  /** Added after schema 1 shipped to no one: absent in the first archives, hence the default. */
  savedSearches: z.array(SavedSearchSchema).default([]),
  /** Feed subscriptions, added with the feed importer; absent in older archives. */
  feeds: z.array(FeedSchema).default([]),
  options: ArchiveOptionsSchema.default({ allowLocalNetwork: false }),
  /** The devices that have opened this archive (sync/tombstones.ts); absent before sync. */
  devices: z.array(z.string()).optional(),
  /** The lists' clocks and tombstones, so a deletion syncs (sync/manifest-clock.ts). */
  clock: ManifestClockSchema.optional(),
})
export type Manifest = z.infer<typeof ManifestSchema>

export function newManifest(schemaVersion: number, now: string): Manifest {
  return {
    format: 'quire-archive',
    schemaVersion,
    createdAt: now,
    tags: [],
    savedSearches: [],
    feeds: [],
    options: { allowLocalNetwork: false },
  }
}
