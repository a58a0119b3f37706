// `npm run bench:cli`: how long the `quire` command takes to start, beside a bare Node start
// in the same run. `quire list --json` on an empty archive against `node -e 0`, alternating,
// each a fresh process; medians and their ratio (issue 13's goal: under 3×).
//   node test/bench/cli-start.ts [--runs 15]
import { spawnSync } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { generateArchive } from './synthetic-archive.ts'

const BIN = join(import.meta.dirname, '..', '..', 'main', 'cli', 'bin.mjs')

export interface CliStart {
  runs: number
  quireListMs: number
  nodeMs: number
  ratio: number
}

function timed(args: string[]): number {
  const t = performance.now()
  const child = spawnSync(process.execPath, args, { encoding: 'utf8' })
  const took = performance.now() - t
  if (child.status !== 0) throw new Error(`${args.join(' ')} failed: ${child.stderr}`)
  return took
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const round = (n: number) => Math.round(n * 10) / 10

/** Start `quire list --json` and `node -e 0` alternately `runs` times each. */
export async function measureCliStart(runs = 15): Promise<CliStart> {
  const root = await mkdtemp(join(tmpdir(), 'quire-bench-cli-'))
  try {
    await generateArchive(root, 0)
    const list = ['list', '--json', '--archive', root]
    timed([BIN, ...list]) // warm the disk cache for both, as a second start would find it
    timed(['-e', '0'])
    const quire: number[] = []
    const node: number[] = []
    for (let i = 0; i < runs; i++) {
      node.push(timed(['-e', '0']))
      quire.push(timed([BIN, ...list]))
    }
    const q = median(quire)
    const n = median(node)
    return { runs, quireListMs: round(q), nodeMs: round(n), ratio: Math.round((q / n) * 100) / 100 }
  } finally {
    await rm(root, { recursive: true, force: true })
  }
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '15' } } })
  const r = await measureCliStart(Number(values.runs))
  console.log(`quire list --json (empty archive): ${r.quireListMs} ms (median of ${r.runs})`)
  console.log(`node -e 0:                         ${r.nodeMs} ms`)
  console.log(`ratio: ${r.ratio}× (goal < 3×)`)
}
