// Messages between the main thread and the index worker.
import type { Article } from '../../../shared/model.ts'
import type { Query } from '../../../shared/search/query.ts'
import type { LibraryView } from '../../../shared/api.ts'
import type { IndexSort, SearchPage } from './search-index.ts'

export type WorkerRequest =
  | { type: 'sync' }
  | { type: 'update'; articles: Article[]; removed: string[]; stamps: Record<string, string> }
  | {
      type: 'search'
      query: Query
      view: LibraryView
      sort: IndexSort
      order: 'asc' | 'desc'
      offset: number
      limit: number
    }
  | { type: 'close' }

export type WorkerResponseBody =
  | { type: 'synced'; reindexed: number; shards: number; ms: number; peakRssMb: number }
  | { type: 'updated' }
  | { type: 'page'; page: SearchPage }
  | { type: 'closed' }

export type WorkerMessage =
  | { id: number; ok: true; body: WorkerResponseBody }
  | { id: number; ok: false; error: { message: string } }
  | { id: null; progress: { done: number; total: number } }
