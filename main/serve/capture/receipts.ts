// Exactly-once delivery for the extension's queue: each capture carries a key, and the answer
// to a key is kept (in memory while it runs, then in a file) so a retry (a lost answer, a
// browser restarted mid-delivery) gets the first answer instead of a second import.
import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import * as z from 'zod'
import { writeFileAtomic } from '../../archive/store/atomic-write.ts'

/** Receipts kept: far more than a queue ever holds, few enough to rewrite the file. */
const KEEP = 2000

const ReceiptSchema = z.object({ key: z.string(), at: z.string(), value: z.unknown() })
const FileSchema = z.object({ version: z.literal(1), receipts: z.array(ReceiptSchema) })
type Receipt = z.infer<typeof ReceiptSchema>

export class Receipts {
  #receipts = new Map<string, Receipt>()
  readonly #running = new Map<string, Promise<unknown>>()
  readonly #file: string

  private constructor(file: string) {
    this.#file = file
  }

  static async open(configDir: string): Promise<Receipts> {
    const store = new Receipts(join(configDir, 'capture-receipts.json'))
    try {
      const parsed = FileSchema.safeParse(JSON.parse(await readFile(store.#file, 'utf8')))
      if (parsed.success) for (const r of parsed.data.receipts) store.#receipts.set(r.key, r)
    } catch {
      // Missing or unreadable: no receipts. A retry of an old capture then adds nothing new,
      // as the import's own dedupe finds the article by its address and text.
    }
    return store
  }

  /**
   * Runs `work` once per key: a second call with the same key, during or after the first,
   * gets the first one's value. A failed run leaves no receipt (the retry runs it again).
   */
  async once<T>(key: string, work: () => Promise<T>): Promise<T> {
    const done = this.#receipts.get(key)
    if (done) return done.value as T
    const running = this.#running.get(key)
    if (running) return running as Promise<T>
    const run = (async () => {
      const value = await work()
      this.#receipts.set(key, { key, at: new Date().toISOString(), value })
      await this.#save()
      return value
    })()
    this.#running.set(key, run)
    try {
      return await run
    } finally {
      this.#running.delete(key)
    }
  }

  /** The value a key was answered with, if it was. */
  get(key: string): unknown {
    return this.#receipts.get(key)?.value
  }

  async #save(): Promise<void> {
    const receipts = [...this.#receipts.values()].slice(-KEEP)
    this.#receipts = new Map(receipts.map((r) => [r.key, r]))
    await mkdir(join(this.#file, '..'), { recursive: true })
    await writeFileAtomic(this.#file, JSON.stringify({ version: 1, receipts }))
  }
}
