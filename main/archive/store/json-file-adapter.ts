// A lowdb adapter that reads JSON validated by a zod schema and writes it durably.
// Replaces lowdb's JSONFile (steno: fixed temp name, no fsync) and never goes in-memory
// under NODE_ENV=test the way JSONFilePreset does.
import { readFile } from 'node:fs/promises'
import type { Adapter } from 'lowdb'
import type { z } from 'zod'
import { writeFileAtomic, type FileWriter } from './atomic-write.ts'
import { DamagedFileError } from './damaged-file-error.ts'

export class JsonFileAdapter<T> implements Adapter<T> {
  readonly path: string
  readonly #schema: z.ZodType<T>
  readonly #upgrade: (raw: unknown) => unknown
  readonly #write: FileWriter

  /** `upgrade` runs schema migrations on the raw JSON before it is validated. */
  constructor(
    path: string,
    schema: z.ZodType<T>,
    upgrade: (raw: unknown) => unknown = (r) => r,
    write: FileWriter = writeFileAtomic,
  ) {
    this.path = path
    this.#schema = schema
    this.#upgrade = upgrade
    this.#write = write
  }

  /** null when the file does not exist; DamagedFileError when it fails to parse or validate. */
  async read(): Promise<T | null> {
    let text: string
    try {
      text = await readFile(this.path, 'utf8')
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw err
    }
    return this.parse(text)
  }

  /** The file's text parsed, upgraded and validated; DamagedFileError when it is not. */
  protected parse(text: string): T {
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch (err) {
      throw new DamagedFileError(this.path, `not valid JSON (${(err as Error).message})`)
    }
    const parsed = this.#schema.safeParse(this.#upgrade(json))
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      throw new DamagedFileError(
        this.path,
        `unexpected content at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? ''}`,
      )
    }
    return parsed.data
  }

  async write(data: T): Promise<void> {
    await this.#write(this.path, JSON.stringify(data))
  }
}
