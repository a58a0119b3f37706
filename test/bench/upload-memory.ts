// The browser shell's peak memory while it takes several large uploads at once: the shell
// runs in its own process (main/serve/main.ts), the uploads are generated piece by piece
// here, and the shell's peak RSS (VmHWM) is read from /proc when they are done.
//   node test/bench/upload-memory.ts [--uploads 8] [--mb 47] [--repo DIR]
// --repo runs another checkout's shell (to compare with the code before a change).
import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: {
    uploads: { type: 'string', default: '8' },
    mb: { type: 'string', default: '47' },
    repo: { type: 'string', default: join(import.meta.dirname, '../..') },
  },
})
const uploads = Number(values.uploads)
const bytesEach = Number(values.mb) * 1024 * 1024
const archive = await mkdtemp(join(tmpdir(), 'quire-upload-bench-'))
const shell = spawn(process.execPath, ['main/serve/main.ts', '--archive', archive], {
  cwd: values.repo,
  stdio: ['ignore', 'pipe', 'inherit'],
})
const url = await new Promise<string>((resolve, reject) => {
  let out = ''
  shell.stdout!.setEncoding('utf8').on('data', (c: string) => {
    out += c
    const m = /^Open (http:\/\/\S+)$/m.exec(out)
    if (m) resolve(m[1]!)
  })
  shell.once('exit', (code) => reject(new Error(`the shell exited (${code})`)))
})
const base = new URL(url)
const token = new URLSearchParams(base.hash.slice(1)).get('token')!
const peak = async () => {
  const status = await readFile(`/proc/${shell.pid}/status`, 'utf8')
  return Number(/VmHWM:\s+(\d+)/.exec(status)![1]) / 1024
}
const before = await peak()

/** One upload of `bytesEach` bytes of a text file, its base64 made as it is sent. */
function upload(i: number): Promise<number> {
  const line = Buffer.from(`Line of upload ${i}, the same words again and again for the bench.\n`)
  const piece = Buffer.concat(
    Array.from({ length: Math.ceil((48 * 1024) / line.length) }, () => line),
  ).subarray(0, 48 * 1024)
  function* body() {
    yield `{"files":[{"name":"upload-${i}.txt","dataBase64":"`
    for (let sent = 0; sent < bytesEach; sent += piece.length) yield piece.toString('base64')
    yield '"}]}'
  }
  return new Promise((resolve, reject) => {
    const req = request(
      new URL('/api/import:upload', base.origin),
      { method: 'POST', headers: { 'x-quire-token': token, 'content-type': 'application/json' } },
      (res) => {
        res.resume()
        res.on('end', () => resolve(res.statusCode ?? 0))
      },
    )
    req.on('error', reject)
    Readable.from(body()).pipe(req)
  })
}

const started = performance.now()
const statuses = await Promise.all(Array.from({ length: uploads }, (_, i) => upload(i)))
const seconds = (performance.now() - started) / 1000
const after = await peak()
shell.kill('SIGTERM')
await rm(archive, { recursive: true, force: true })
console.log(
  `${uploads} uploads of ${values.mb} MB at once: answers ${[...new Set(statuses)].join(',')}; ` +
    `shell peak RSS ${before.toFixed(0)} MB before, ${after.toFixed(0)} MB after (${seconds.toFixed(1)} s)`,
)
