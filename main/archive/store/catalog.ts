// The article catalog: 256 lowdb shards (catalog/<00..ff>.json) keyed by id. A write
// rewrites only the shards it touched, so its cost does not grow with the archive.
import { mkdir } from 'node:fs/promises'
import { Low } from 'lowdb'
import { z } from 'zod'
import { ArticleSchema, type Article } from '../../../shared/model.ts'
import { JsonFileAdapter } from './json-file-adapter.ts'
import { allShardKeys, shardKey, shardPath, type ArchiveLayout } from './layout.ts'
import { upgradeRecord, type MigrationStep } from './migrations.ts'

const ShardSchema = z.object({ articles: z.record(z.string(), ArticleSchema) })
type Shard = z.infer<typeof ShardSchema>

export class Catalog {
  readonly #shards = new Map<string, Low<Shard>>()
  readonly #dirty = new Set<string>()

  private constructor() {}

  /** Load every shard; throws DamagedFileError naming the first shard that fails to parse. */
  static async open(layout: ArchiveLayout, steps: readonly MigrationStep[]): Promise<Catalog> {
    await mkdir(layout.catalogDir, { recursive: true })
    const catalog = new Catalog()
    const upgrade = (raw: unknown) => (steps.length ? upgradeShard(raw, steps) : raw)
    await Promise.all(
      allShardKeys().map(async (key) => {
        const db = new Low<Shard>(
          new JsonFileAdapter(shardPath(layout, key), ShardSchema, upgrade),
          {
            articles: {},
          },
        )
        await db.read()
        catalog.#shards.set(key, db)
        if (steps.length && Object.keys(db.data.articles).length) catalog.#dirty.add(key)
      }),
    )
    return catalog
  }

  get(id: string): Article | undefined {
    return this.#shard(id).data.articles[id]
  }

  has(id: string): boolean {
    return Object.hasOwn(this.#shard(id).data.articles, id)
  }

  /** Insert or replace a record; it reaches disk on the next flush(). */
  put(article: Article): void {
    const key = shardKey(article.id)
    this.#shard(article.id).data.articles[article.id] = article
    this.#dirty.add(key)
  }

  remove(id: string): void {
    const shard = this.#shard(id)
    if (!Object.hasOwn(shard.data.articles, id)) return
    delete shard.data.articles[id]
    this.#dirty.add(shardKey(id))
  }

  *all(): IterableIterator<Article> {
    for (const db of this.#shards.values()) yield* Object.values(db.data.articles)
  }

  get size(): number {
    let n = 0
    for (const db of this.#shards.values()) n += Object.keys(db.data.articles).length
    return n
  }

  /** Write every shard changed since the last flush, each atomically. */
  async flush(): Promise<void> {
    const keys = [...this.#dirty]
    this.#dirty.clear()
    try {
      await Promise.all(keys.map((key) => this.#shards.get(key)!.write()))
    } catch (err) {
      for (const key of keys) this.#dirty.add(key)
      throw err
    }
  }

  #shard(id: string): Low<Shard> {
    const db = this.#shards.get(shardKey(id))
    if (!db) throw new Error(`no catalog shard for id ${id}`)
    return db
  }
}

function upgradeShard(raw: unknown, steps: readonly MigrationStep[]): unknown {
  const articles = (raw as { articles?: unknown } | null)?.articles
  if (!articles || typeof articles !== 'object') return raw
  const upgraded = Object.entries(articles as Record<string, Record<string, unknown>>).map(
    ([id, record]) => [id, upgradeRecord(record, steps)],
  )
  return { ...(raw as object), articles: Object.fromEntries(upgraded) }
}
