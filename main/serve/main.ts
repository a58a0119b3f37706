// `npm run serve`: opens the archive and serves the browser shell on 127.0.0.1.
import { parseArgs } from 'node:util'
import { runServe } from './run-serve.ts'

try {
  const { values } = parseArgs({
    options: {
      archive: { type: 'string' },
      port: { type: 'string' },
      'capture-port': { type: 'string' },
    },
    allowPositionals: false,
  })
  const port = values.port === undefined ? undefined : Number(values.port)
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port < 65536)) {
    throw new Error(`--port must be a port number, not "${values.port}"`)
  }
  const captureArg = values['capture-port']
  const capturePort =
    captureArg === undefined ? undefined : captureArg === 'off' ? null : Number(captureArg)
  if (
    typeof capturePort === 'number' &&
    !(Number.isInteger(capturePort) && capturePort >= 0 && capturePort < 65536)
  ) {
    throw new Error(`--capture-port must be a port number or "off", not "${captureArg}"`)
  }
  await runServe({ archive: values.archive, port, capturePort })
} catch (err) {
  // One readable line, never a stack: this is what `npm start` shows without Electron.
  console.error(`quire serve: ${(err as Error).message}`)
  process.exit(2)
}
