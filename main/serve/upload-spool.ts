// Uploads to the browser shell, streamed to disk. The renderer sends `import:upload` as the
// contract says (JSON: files with their bytes in base64, and tags); this reads that body as
// a stream of JSON tokens (stream-json) and decodes each file's base64 straight into a file
// of its own in a spool folder, so a 48 MB upload never sits in memory whole, let alone the
// three copies (body text, parsed string, bytes) that buffering it took.
import { createWriteStream, type WriteStream } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable, type Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import parser from 'stream-json/parser.js'
import { MAX_UPLOAD_BASE64_CHARS } from '../../shared/api.ts'

export interface SpooledFile {
  name: string
  path: string
  size: number
}

export interface SpooledUpload {
  files: SpooledFile[]
  tags: string[]
  /** Removes the spool folder and the files in it. */
  discard(): Promise<void>
}

/** A body this function refuses, with why, for a 400 answer. */
export class UploadRefused extends Error {}

const MAX_FILES = 10_000
/** Decoded bytes gathered before a write: the parser hands strings over in small pieces. */
const WRITE_BYTES = 256 * 1024
const MAX_NAME = 1000
const MAX_TAGS = 50
const MAX_TAG = 100

type Token = { name: string; value?: unknown }
type Field = 'name' | 'dataBase64' | 'tag' | null

/**
 * Spool the `import:upload` body in `req` to files. Throws UploadRefused for a body that is
 * not the contract's shape or is over a limit (the spool is removed first).
 */
export async function spoolUpload(req: Readable): Promise<SpooledUpload> {
  const dir = await mkdtemp(join(tmpdir(), 'quire-upload-'))
  const state = new SpoolState(dir)
  try {
    await pipeline(
      req,
      parser.asStream({
        packKeys: true,
        packStrings: false,
        packNumbers: true,
        streamKeys: false,
        streamNumbers: false,
        maxDepth: 8,
      }),
      new Writable({
        objectMode: true,
        // One token at a time: the next is read once this one's bytes are on their way.
        highWaterMark: 16,
        write: (token: Token, _enc, done) => state.take(token).then(() => done(), done),
        final: (done) => state.finish().then(() => done(), done),
      }),
    )
  } catch (err) {
    await state.abort()
    await rm(dir, { recursive: true, force: true })
    if (err instanceof UploadRefused) throw err
    throw new UploadRefused(`the upload is not valid JSON (${(err as Error).message})`)
  }
  return {
    files: state.files,
    tags: state.tags,
    discard: () => rm(dir, { recursive: true, force: true }),
  }
}

/** The token stream's position in { files: [{ name, dataBase64 }], tags: [] }. */
class SpoolState {
  readonly files: SpooledFile[] = []
  readonly tags: string[] = []
  readonly #dir: string
  /** Containers open: 'root', 'files', 'file', 'tags'. */
  readonly #stack: string[] = []
  #key: string | null = null
  #field: Field = null
  #text = ''
  #name: string | null = null
  #out: WriteStream | null = null
  #carry = ''
  #pending: Buffer[] = []
  #pendingBytes = 0
  #chars = 0
  #size = 0
  #hasData = false

  constructor(dir: string) {
    this.#dir = dir
  }

  async take(t: Token): Promise<void> {
    const top = this.#stack.at(-1)
    switch (t.name) {
      case 'startObject':
        if (!this.#stack.length) return void this.#stack.push('root')
        if (top === 'files') return this.#startFile()
        throw new UploadRefused('unexpected object')
      case 'endObject':
        if (top === 'file') await this.#endFile()
        this.#stack.pop()
        return
      case 'startArray':
        if (top === 'root' && (this.#key === 'files' || this.#key === 'tags'))
          return void this.#stack.push(this.#key)
        throw new UploadRefused('unexpected list')
      case 'endArray':
        return void this.#stack.pop()
      case 'keyValue':
        return this.#onKey(String(t.value), top)
      case 'startString':
        return this.#startString(top)
      case 'stringChunk':
        return this.#chunk(String(t.value))
      case 'endString':
        return this.#endString()
      default:
        throw new UploadRefused(`unexpected ${t.name.replace(/Value$/, '')} value`)
    }
  }

  async finish(): Promise<void> {
    if (this.#stack.length) throw new UploadRefused('the upload ended early')
    if (!this.files.length) throw new UploadRefused('no files in the upload')
  }

  async abort(): Promise<void> {
    await closeStream(this.#out).catch(() => {})
  }

  #onKey(key: string, top: string | undefined): void {
    const allowed =
      top === 'root' ? ['files', 'tags'] : top === 'file' ? ['name', 'dataBase64'] : []
    if (!allowed.includes(key)) throw new UploadRefused(`unexpected field "${key.slice(0, 40)}"`)
    this.#key = key
  }

  #startFile(): void {
    if (this.files.length >= MAX_FILES) throw new UploadRefused(`more than ${MAX_FILES} files`)
    this.#stack.push('file')
    this.#name = null
    this.#hasData = false
  }

  async #endFile(): Promise<void> {
    if (this.#name === null || !this.#hasData)
      throw new UploadRefused('a file without its name or its bytes')
    this.files.at(-1)!.name = this.#name
  }

  #startString(top: string | undefined): void {
    this.#text = ''
    if (top === 'tags') this.#field = 'tag'
    else if (top === 'file' && this.#key === 'name') this.#field = 'name'
    else if (top === 'file' && this.#key === 'dataBase64') {
      if (this.#hasData) throw new UploadRefused('a file with two bodies')
      this.#field = 'dataBase64'
      this.#hasData = true
      this.#carry = ''
      this.#chars = 0
      this.#size = 0
      const path = join(this.#dir, String(this.files.length).padStart(5, '0'))
      this.#out = createWriteStream(path, { flags: 'wx', mode: 0o600 })
      this.files.push({ name: '', path, size: 0 })
    } else throw new UploadRefused('unexpected text')
  }

  async #chunk(value: string): Promise<void> {
    if (this.#field !== 'dataBase64') {
      this.#text += value
      const max = this.#field === 'name' ? MAX_NAME : MAX_TAG
      if (this.#text.length > max)
        throw new UploadRefused(`a ${this.#field} over ${max} characters`)
      return
    }
    this.#chars += value.length
    if (this.#chars > MAX_UPLOAD_BASE64_CHARS)
      throw new UploadRefused('file is too large to upload')
    // Whole groups of four characters decode on their own; the rest waits for the next chunk.
    const text = this.#carry + value.replace(/\s+/g, '')
    const whole = text.length - (text.length % 4)
    this.#carry = text.slice(whole)
    if (whole) await this.#gather(Buffer.from(text.slice(0, whole), 'base64'))
  }

  async #endString(): Promise<void> {
    const field = this.#field
    this.#field = null
    if (field === 'name') {
      if (!this.#text) throw new UploadRefused('a file without a name')
      this.#name = this.#text
    } else if (field === 'tag') {
      if (this.tags.length >= MAX_TAGS) throw new UploadRefused(`more than ${MAX_TAGS} tags`)
      this.tags.push(this.#text)
    } else if (field === 'dataBase64') {
      if (this.#carry) await this.#gather(Buffer.from(this.#carry, 'base64'))
      await this.#flush()
      await closeStream(this.#out)
      this.#out = null
      this.files.at(-1)!.size = this.#size
    }
  }

  /** Hold decoded bytes until there are enough for one write (bounded: WRITE_BYTES). */
  async #gather(bytes: Buffer): Promise<void> {
    this.#size += bytes.length
    this.#pending.push(bytes)
    this.#pendingBytes += bytes.length
    if (this.#pendingBytes >= WRITE_BYTES) await this.#flush()
  }

  /** Write what is held and wait for it to leave: the next token is read only then. */
  #flush(): Promise<void> {
    if (!this.#pendingBytes) return Promise.resolve()
    const bytes = Buffer.concat(this.#pending)
    this.#pending = []
    this.#pendingBytes = 0
    const out = this.#out!
    return new Promise((resolve, reject) => {
      out.write(bytes, (err) => (err ? reject(err) : resolve()))
    })
  }
}

function closeStream(out: WriteStream | null): Promise<void> {
  if (!out || out.closed) return Promise.resolve()
  return new Promise((resolve, reject) =>
    out.end((err?: Error | null) => (err ? reject(err) : resolve())),
  )
}
