// `npm run serve`: opens the archive and serves the browser shell on 127.0.0.1.
import { parseArgs } from 'node:util'
import { runServe } from './run-serve.ts'

const { values } = parseArgs({
  options: { archive: { type: 'string' }, port: { type: 'string' } },
  allowPositionals: false,
})
await runServe({ archive: values.archive, port: values.port ? Number(values.port) : undefined })
