// What a write costs with the journal, beside the reference it is held to: one durable
// write (temp file, fsync, rename, fsync of the folder) of a file the size of a shard.
// Blocks of each alternate on the same disk, so both see the same load.
//   node test/bench/journal-write.ts [--articles 100000] [--writes 400]
// Prints one line per measure and the ratio of the p95s.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { ListQuerySchema } from '../../shared/api.ts'
import { ArchiveService } from '../../main/archive/service.ts'
import { writeFileAtomic } from '../../main/archive/store/atomic-write.ts'
import { generateArchive } from './synthetic-archive.ts'

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    writes: { type: 'string', default: '400' },
    dir: { type: 'string' },
  },
})
const articles = Number(values.articles)
const writes = Number(values.writes)
const work = await mkdtemp(join(values.dir ?? tmpdir(), 'quire-journal-bench-'))
const root = join(work, 'archive')
await generateArchive(root, articles)

// The reference file: a copy of a real shard, written next to the catalog.
const shardBytes = await readFile(join(root, 'catalog', '5c.json'))
const reference = join(root, 'catalog', 'reference.json')

const service = await ArchiveService.open(root)
await service.swept
const ids = (await service.list(ListQuerySchema.parse({ view: 'all', limit: 500 }))).items.map(
  (a) => a.id,
)
const plain: number[] = []
const journaled: number[] = []
const BLOCK = 20
for (let i = 0; i < writes; i += BLOCK) {
  for (let j = 0; j < BLOCK; j++) {
    const t = performance.now()
    await writeFileAtomic(reference, shardBytes)
    plain.push(performance.now() - t)
  }
  for (let j = 0; j < BLOCK; j++) {
    const t = performance.now()
    await service.update(ids[(i + j) % ids.length]!, { tags: (i + j) % 2 ? ['bench'] : [] })
    journaled.push(performance.now() - t)
  }
}
await service.close()
await rm(work, { recursive: true, force: true })

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!
const line = (name: string, xs: number[]) =>
  `${name}: p50 ${pct(xs, 50).toFixed(2)} ms, p95 ${pct(xs, 95).toFixed(2)} ms (${xs.length} writes)`
console.log(
  `archive of ${articles} articles; shard file ${(shardBytes.length / 1024).toFixed(0)} KB`,
)
console.log(line('one durable write of a shard-sized file', plain))
console.log(line('a write through the journal (service.update)', journaled))
console.log(`p95 ratio: ${(pct(journaled, 95) / pct(plain, 95)).toFixed(2)}×`)
