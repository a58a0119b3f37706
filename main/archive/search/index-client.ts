// The main thread's handle on the index worker: requests in order, answers as promises.
import type { Article } from '../../../shared/model.ts'
import type { WorkerMessage, WorkerRequest, WorkerResponseBody } from './index-protocol.ts'
import type { SearchArgs, SearchPage } from './search-index.ts'
import { processHost, type IndexChannel, type IndexHost } from './index-host.ts'

export class IndexClient {
  readonly #worker: IndexChannel
  readonly #pending = new Map<
    number,
    { resolve: (b: WorkerResponseBody) => void; reject: (e: Error) => void }
  >()
  #nextId = 1
  #onProgress: ((p: { done: number; total: number }) => void) | undefined

  constructor(root: string, host: IndexHost = processHost(), indexPath?: string) {
    this.#worker = host(root, indexPath)
    this.#worker.unref()
    this.#worker.onMessage((msg: WorkerMessage) => {
      if (msg.id === null) return this.#onProgress?.(msg.progress)
      const p = this.#pending.get(msg.id)
      this.#pending.delete(msg.id)
      if (this.#pending.size === 0) this.#worker.unref()
      if (msg.ok) p?.resolve(msg.body)
      else p?.reject(new Error(`search index: ${msg.error.message}`))
    })
    this.#worker.onExit((err) => this.#failAll(err))
  }

  onProgress(fn: (p: { done: number; total: number }) => void): void {
    this.#onProgress = fn
  }

  sync() {
    return this.#request({ type: 'sync' }) as Promise<
      Extract<WorkerResponseBody, { type: 'synced' }>
    >
  }

  async update(
    articles: Article[],
    removed: string[],
    stamps: Record<string, string>,
  ): Promise<void> {
    await this.#request({ type: 'update', articles, removed, stamps })
  }

  async search(...args: SearchArgs): Promise<SearchPage> {
    const [query, view, sort, order, offset, limit] = args
    const body = await this.#request({ type: 'search', query, view, sort, order, offset, limit })
    if (body.type !== 'page') throw new Error('search index: unexpected answer')
    return body.page
  }

  async close(): Promise<void> {
    await this.#request({ type: 'close' }).catch(() => {})
    await this.#worker.terminate()
  }

  #request(req: WorkerRequest): Promise<WorkerResponseBody> {
    const id = this.#nextId++
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject })
      // While requests are pending the worker keeps the process alive; idle, it does not.
      this.#worker.ref()
      this.#worker.postMessage({ id, req })
    }).finally(() => {
      if (this.#pending.size === 0) this.#worker.unref()
    }) as Promise<WorkerResponseBody>
  }

  #failAll(err: Error): void {
    for (const p of this.#pending.values()) p.reject(err)
    this.#pending.clear()
  }
}
