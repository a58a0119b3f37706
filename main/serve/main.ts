// `npm run serve`: opens the archive and serves the browser shell on 127.0.0.1.
import { parseArgs } from 'node:util'
import { runServe } from './run-serve.ts'

try {
  const { values } = parseArgs({
    options: { archive: { type: 'string' }, port: { type: 'string' } },
    allowPositionals: false,
  })
  const port = values.port === undefined ? undefined : Number(values.port)
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port < 65536)) {
    throw new Error(`--port must be a port number, not "${values.port}"`)
  }
  await runServe({ archive: values.archive, port })
} catch (err) {
  // One readable line, never a stack: this is what `npm start` shows without Electron.
  console.error(`quire serve: ${(err as Error).message}`)
  process.exit(2)
}
