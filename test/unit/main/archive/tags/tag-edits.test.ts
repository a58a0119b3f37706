// Unit tests for the pure tag edits: rename with nested children, colours, bulk changes.
import { describe, expect, it } from 'vitest'
import { applyBulk, applyMetadata } from '../../../../../main/archive/articles/article-patch.ts'
import { renamedColors, renamedTag, retag } from '../../../../../main/archive/tags/tag-edits.ts'
import type { Article } from '../../../../../shared/model.ts'

const NOW = '2026-01-02T00:00:00.000Z'
const article = (over: Partial<Article> = {}): Article => ({
  id: '0123456789abcdef',
  title: 'T',
  authors: [],
  importedAt: NOW,
  updatedAt: '2025-01-01T00:00:00.000Z',
  wordCount: 1,
  readingMinutes: 1,
  excerpt: '',
  contentHash: '0'.repeat(64),
  origin: { kind: 'file', name: 'a.txt', format: 'text' },
  tags: [],
  status: 'unread',
  progress: 0,
  favorite: false,
  archivedAt: null,
  deletedAt: null,
  annotations: [],
  note: '',
  ...over,
})

describe('renamedTag', () => {
  it('renames the tag and its nested children, nothing that only shares a prefix', () => {
    expect(renamedTag('region', 'region', 'area')).toBe('area')
    expect(renamedTag('region/gaza', 'region', 'area')).toBe('area/gaza')
    expect(renamedTag('regional', 'region', 'area')).toBe('regional')
  })
})

describe('retag', () => {
  it('deduplicates a merge and reports no change as null', () => {
    const a = article({ tags: ['a', 'b'] })
    expect(retag(a, (t) => t.map((x) => (x === 'a' ? 'b' : x)), NOW)?.tags).toEqual(['b'])
    expect(retag(a, (t) => t, NOW)).toBeNull()
  })
})

describe('applyBulk', () => {
  it('adds and removes tags and sets flags, keeping an earlier archive date', () => {
    const a = article({ tags: ['x', 'y'], archivedAt: '2020-01-01' })
    const next = applyBulk(a, { addTags: ['z', 'x'], removeTags: ['y'], favorite: true }, NOW)
    expect(next).toMatchObject({ tags: ['x', 'z'], favorite: true, archivedAt: '2020-01-01' })
    expect(applyBulk(a, { archived: true, addTags: ['x'] }, NOW)).toBeNull()
    expect(applyBulk(a, { archived: false }, NOW)?.archivedAt).toBeNull()
  })
})

describe('applyMetadata', () => {
  it('sets fields and clears them with empty strings or null', () => {
    const a = article({ source: 'AP', url: 'https://x.test' })
    applyMetadata(a, { source: '', url: null, subtitle: 'Sub', authors: ['A', 'A', 'B'] })
    expect(a.source).toBeUndefined()
    expect('url' in a).toBe(false)
    expect(a).toMatchObject({ subtitle: 'Sub', authors: ['A', 'B'] })
  })
})

describe('renamedColors', () => {
  it('moves colours with renamed tags and keeps the target colour on a merge', () => {
    const colors = [
      { name: 'region', color: '#111111' },
      { name: 'region/gaza', color: '#222222' },
      { name: 'area', color: '#333333' },
    ]
    expect(renamedColors(colors, 'region', 'area')).toEqual([
      { name: 'area', color: '#333333' },
      { name: 'area/gaza', color: '#222222' },
    ])
  })
})
