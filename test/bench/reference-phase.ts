// One reference measurement in a fresh process, as measure.ts measures Quire's own figure:
//   --phase raw-parse: read and JSON.parse every catalog file (the open's reference);
//   --phase fts-build --db <file>: the bare FTS5 table of the same documents (the index
//     build's reference), left at <file> for the steady phase's bare searches.
// Prints JSON on stdout.
import { parseArgs } from 'node:util'
import { bareFtsBuild, rawParse } from './references.ts'

const { values } = parseArgs({
  options: {
    archive: { type: 'string' },
    phase: { type: 'string' },
    db: { type: 'string' },
  },
})
const root = values.archive!
const round = (n: number) => Math.round(n * 100) / 100

const t = performance.now()
if (values.phase === 'raw-parse') {
  const records = rawParse(root)
  console.log(JSON.stringify({ rawParseMs: round(performance.now() - t), records }))
} else if (values.phase === 'fts-build') {
  const docs = bareFtsBuild(root, values.db!)
  console.log(JSON.stringify({ bareFtsBuildMs: round(performance.now() - t), docs }))
} else {
  throw new Error(`unknown phase ${values.phase}`)
}
