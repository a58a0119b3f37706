// quire.json: the archive's identity, schema version and small shared state (tags).
import { z } from 'zod'
import { TagSchema } from '../../../shared/model.ts'

export const ManifestSchema = z.object({
  format: z.literal('quire-archive'),
  schemaVersion: z.number().int().positive(),
  createdAt: z.string(),
  tags: z.array(TagSchema),
})
export type Manifest = z.infer<typeof ManifestSchema>

export function newManifest(schemaVersion: number, now: string): Manifest {
  return { format: 'quire-archive', schemaVersion, createdAt: now, tags: [] }
}
