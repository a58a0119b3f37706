// Article bodies: content/<id>.html, the sanitised HTML that annotations anchor to.
import { mkdir, readFile, rm } from 'node:fs/promises'
import { writeFileAtomic, type FileWriter } from './atomic-write.ts'
import { contentPath, type ArchiveLayout } from './layout.ts'

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

  async remove(id: string): Promise<void> {
    this.#assertWritable()
    await rm(contentPath(this.#layout, id), { force: true })
  }
}
