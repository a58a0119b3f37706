// Article bodies: content/<id>.html, the sanitised HTML that annotations anchor to.
import { mkdir, readFile, rm } from 'node:fs/promises'
import { writeFileAtomic } from './atomic-write.ts'
import { contentPath, type ArchiveLayout } from './layout.ts'

export class ContentStore {
  readonly #layout: ArchiveLayout

  constructor(layout: ArchiveLayout) {
    this.#layout = layout
  }

  async init(): Promise<void> {
    await mkdir(this.#layout.contentDir, { recursive: true })
  }

  async write(id: string, html: string): Promise<void> {
    await writeFileAtomic(contentPath(this.#layout, id), html)
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
    await rm(contentPath(this.#layout, id), { force: true })
  }
}
