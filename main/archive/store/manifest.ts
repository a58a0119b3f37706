// quire.json: the archive's identity, schema version and small shared state (tags, saved
// searches).
import * as z from 'zod'
import {
  ArchiveOptionsSchema,
  FeedSchema,
  SavedSearchSchema,
  TagSchema,
} from '../../../shared/model.ts'

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
