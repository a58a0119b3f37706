// Runs a module as Electron runs a utility process's entry: `process.parentPort` delivers the
// parent's messages as `{ data }` events and posts back; `process.argv` is
// [execPath, modulePath, ...args]; the process ends when its parent goes.
import { EventEmitter } from 'node:events'
import { pathToFileURL } from 'node:url'

const [modulePath, ...args] = process.argv.slice(2)
const parentPort = new EventEmitter()
parentPort.postMessage = (message) => process.send?.(message)
process.on('message', (message) => parentPort.emit('message', { data: message, ports: [] }))
process.on('disconnect', () => process.exit(0))
Object.defineProperty(process, 'parentPort', { value: parentPort, enumerable: true })
process.argv = [process.argv[0], modulePath, ...args]
await import(pathToFileURL(modulePath).href)
