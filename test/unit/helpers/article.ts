// A valid article record for store tests, with overrides.
import { createHash, randomBytes } from 'node:crypto'
import type { Article } from '../../../shared/model.ts'

export function makeArticle(overrides: Partial<Article> = {}): Article {
  const id = overrides.id ?? randomBytes(8).toString('hex')
  const now = overrides.importedAt ?? new Date().toISOString()
  return {
    id,
    title: `Article ${id}`,
    authors: [],
    importedAt: now,
    updatedAt: now,
    wordCount: 100,
    readingMinutes: 1,
    excerpt: '',
    contentHash: createHash('sha256').update(id).digest('hex'),
    origin: { kind: 'file', name: `${id}.txt`, format: 'text' },
    tags: [],
    status: 'unread',
    progress: 0,
    favorite: false,
    archivedAt: null,
    deletedAt: null,
    annotations: [],
    note: '',
    ...overrides,
  }
}
