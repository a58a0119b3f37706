// Article bodies: content/<id>.html, the sanitised HTML that annotations anchor to.
import { mkdir, readFile, rm } from 'node:fs/promises'
import { writeFileAtomic, type FileWriter } from './atomic-write.ts'
import { contentPath, versionPath, type ArchiveLayout } from './layout.ts'

export interface ContentStoreOptions {
  write?: FileWriter
  /** Throws when this process may not write the archive (see ArchiveStore.assertWritable). */
  assertWritable?: () => void
}

export class ContentStore {
  readonly #layout: ArchiveLayout
  readonly #write: FileWriter
  readonly #assertWritable: () => void

  constructor(layout: ArchiveLayout, opts: ContentStoreOptions = {}) {
    this.#layout = layout
    this.#write = opts.write ?? writeFileAtomic
    this.#assertWritable = opts.assertWritable ?? (() => {})
  }

  async init(): Promise<void> {
    this.#assertWritable()
    await mkdir(this.#layout.contentDir, { recursive: true })
  }

  async write(id: string, html: string): Promise<void> {
    this.#assertWritable()
    await this.#write(contentPath(this.#layout, id), html)
  }

  /** The body, or null when the file is missing (the caller decides what to tell the user). */
  async read(id: string): Promise<string | null> {
    try {
      return await readFile(contentPath(this.#layout, id), 'utf8')
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw err
    }
  }

  async remove(id: string, versions = 0): Promise<void> {
    this.#assertWritable()
    await rm(contentPath(this.#layout, id), { force: true })
    for (let n = 1; n <= versions; n++) await rm(versionPath(this.#layout, id, n), { force: true })
  }

  /** Keep `html` as version `n` of the article (an earlier body, before a new fetch). */
  async writeVersion(id: string, n: number, html: string): Promise<void> {
    this.#assertWritable()
    await this.#write(versionPath(this.#layout, id, n), html)
  }

  async readVersion(id: string, n: number): Promise<string | null> {
    try {
      return await readFile(versionPath(this.#layout, id, n), 'utf8')
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw err
    }
  }
}
