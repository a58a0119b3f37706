// Article bodies: content/<id>.html, the sanitised HTML that annotations anchor to.
import { readFileSync, statSync } from 'node:fs'
import { mkdir, readFile, rm } from 'node:fs/promises'
import { htmlToText } from '../../../shared/html-text.ts'
import { ArticleIdSchema } from '../../../shared/model.ts'
import { writeFileAtomic, type FileWriter } from './atomic-write.ts'
import { contentPath, versionPath, type ArchiveLayout } from './layout.ts'
import { sweepBody } from './swept-files.ts'

export interface ContentStoreOptions {
  write?: FileWriter
  /** Throws when this process may not write the archive (see ArchiveStore.assertWritable). */
  assertWritable?: () => void
}

/** Bodies whose plain text is kept (the articles being read and annotated now). */
const TEXTS_KEPT = 16

export class ContentStore {
  readonly #layout: ArchiveLayout
  readonly #write: FileWriter
  readonly #assertWritable: () => void
  /** Plain texts by id, with the identity of the file they were made from; oldest first. */
  readonly #texts = new Map<string, { file: string; text: string }>()

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

  /**
   * The body's plain text (htmlToText), or null when the file is missing. Every highlight
   * anchors in it, so the last few are kept, each with its file's identity (inode, size,
   * mtime): a body replaced by any means (a new fetch, a restore) is read again.
   *
   * Read with synchronous calls: a body is a few KB, and a highlight's write waited for
   * six hops through libuv's thread pool (stat, open, stat, read, close, stat), each one a
   * wait for a thread on a busy machine, where the journal append it is held to makes two.
   */
  async text(id: string): Promise<string | null> {
    const path = contentPath(this.#layout, id)
    const file = fileIdentity(path)
    const kept = this.#texts.get(id)
    if (kept && file && kept.file === file) {
      this.#keep(id, kept) // now the newest
      return kept.text
    }
    return (await this.#readText(id, file))?.text ?? null
  }

  /**
   * The body and its plain text, read now, or null when the file is missing. The text is
   * kept as text() keeps it: an article opened in the reader is the one highlighted next,
   * and its highlight then neither reads nor converts the body in the write path.
   */
  async readWithText(id: string): Promise<{ html: string; text: string } | null> {
    return this.#readText(id, fileIdentity(contentPath(this.#layout, id)))
  }

  /** Read and convert the body; kept when the file (`file` before) did not change meanwhile. */
  #readText(id: string, file: string): { html: string; text: string } | null {
    const path = contentPath(this.#layout, id)
    let html: string
    try {
      html = readFileSync(path, 'utf8')
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw err
    }
    const text = htmlToText(html)
    if (file && file === fileIdentity(path)) {
      this.#keep(id, { file, text })
    }
    return { html, text }
  }

  #keep(id: string, kept: { file: string; text: string }): void {
    this.#texts.delete(id)
    this.#texts.set(id, kept)
    if (this.#texts.size > TEXTS_KEPT) this.#texts.delete(this.#texts.keys().next().value!)
  }

  async remove(id: string, versions = 0): Promise<void> {
    this.#assertWritable()
    await rm(contentPath(this.#layout, id), { force: true })
    for (let n = 1; n <= versions; n++) await rm(versionPath(this.#layout, id, n), { force: true })
  }

  /**
   * Move the body and its versions aside to swept/ (a shared archive's empty trash: another
   * device may bring the record back; swept-files.ts puts them back then).
   */
  async setAside(id: string, versions = 0): Promise<void> {
    this.#assertWritable()
    await sweepBody(this.#layout, `${ArticleIdSchema.parse(id)}.html`)
    for (let n = 1; n <= versions; n++) await sweepBody(this.#layout, `${id}.v${n}.html`)
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

/** Inode, size and mtime of a file; '' when it cannot be read. */
function fileIdentity(path: string): string {
  try {
    const s = statSync(path, { throwIfNoEntry: false })
    return s ? `${s.ino}:${s.size}:${s.mtimeMs}` : ''
  } catch {
    return ''
  }
}
