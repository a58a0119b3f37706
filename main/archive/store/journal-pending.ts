// Whether an archive's files lag behind its journal: the newest segment holds changes that no
// checkpoint has written into the shards and quire.json yet. True only after a Quire was
// killed (a clean close checkpoints); a file-copying backup must fold them in first.
import { listSegments, readSegment } from './journal-format.ts'
import type { ArchiveLayout } from './layout.ts'

export async function journalHasPendingChanges(layout: ArchiveLayout): Promise<boolean> {
  const newest = (await listSegments(layout.journalDir)).at(-1)
  if (!newest) return false
  const segment = await readSegment(newest)
  return segment !== null && (segment.entries.length > 0 || segment.tornTail)
}
