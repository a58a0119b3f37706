// One benchmark run on an existing archive, in its own process so its peak RSS is the
// archive's own: open, first page, index build, searches, writes. Prints JSON on stdout.
import { parseArgs } from 'node:util'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { ListQuerySchema, SearchInputSchema } from '../../shared/api.ts'
import { ArchiveService } from '../../main/archive/service.ts'
import { QUERY_SET } from './query-set.ts'

const { values } = parseArgs({
  options: { archive: { type: 'string' }, writes: { type: 'string', default: '200' } },
})
const root = values.archive!

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
const round = (n: number) => Math.round(n * 100) / 100
const ms = (t: number) => round(performance.now() - t)

await rm(join(root, 'index'), { recursive: true, force: true })

let t = performance.now()
const service = await ArchiveService.open(root)
const page = await service.list(ListQuerySchema.parse({ view: 'inbox', limit: 100 }))
const openToFirstPageMs = ms(t)

// Index build from nothing (the worker reads shards and bodies itself).
t = performance.now()
const engine = service.startIndex()
await engine.whenReady()
const indexBuildMs = ms(t)
const indexerPeakRssMb = engine.lastSync?.peakRssMb ?? null

t = performance.now()
await service.list(ListQuerySchema.parse({ view: 'inbox', limit: 100 }))
const indexedFirstPageMs = ms(t)

const searchTimes: number[] = []
const hits: Record<string, number> = {}
for (let round = 0; round < 5; round++) {
  for (const query of QUERY_SET) {
    t = performance.now()
    const r = await service.search(SearchInputSchema.parse({ query, limit: 50 }))
    searchTimes.push(performance.now() - t)
    hits[query] = r.total
  }
}
searchTimes.sort((a, b) => a - b)

const writeTimes: number[] = []
const ids = page.items.map((a) => a.id)
for (let i = 0; i < Number(values.writes); i++) {
  t = performance.now()
  await service.update(ids[i % ids.length]!, { tags: i % 2 ? ['bench'] : [] })
  writeTimes.push(performance.now() - t)
}
writeTimes.sort((a, b) => a - b)
await service.close()

console.log(
  JSON.stringify({
    openToFirstPageMs,
    indexBuildMs,
    indexedFirstPageMs,
    searchP50Ms: round(pct(searchTimes, 50)),
    searchP95Ms: round(pct(searchTimes, 95)),
    writeP50Ms: round(pct(writeTimes, 50)),
    writeP95Ms: round(pct(writeTimes, 95)),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    indexerPeakRssMb,
    hits,
  }),
)
