// Search suggestions: tags, sources and authors matched by prefix, counted outside the Trash.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  SearchSuggestions,
  facetsOf,
  matchFacets,
} from '../../../../../main/archive/search/suggest.ts'
import type { Article } from '../../../../../shared/model.ts'
import { makeArticle } from '../../../helpers/article.ts'
import { tempDir } from '../../../helpers/temp-dir.ts'
import { ArchiveService } from '../../../../../main/archive/service.ts'

const records: Article[] = [
  makeArticle({ tags: ['region/gaza', 'news'], source: 'Reuters', authors: ['Ruth Pollard'] }),
  makeArticle({ tags: ['region/gaza'], source: 'Reuters', authors: ['Raffaele Sánchez'] }),
  makeArticle({ tags: ['rafah'], source: 'Al Jazeera', authors: [] }),
  makeArticle({ tags: ['rafah', 'trash-only'], deletedAt: new Date().toISOString() }),
]

describe('search suggestions', () => {
  it('counts each name once per article and skips the Trash', () => {
    const facets = facetsOf(records)
    const by = (v: string) => facets.find((f) => f.value === v)
    expect(by('region/gaza')?.count).toBe(2)
    expect(by('rafah')?.count).toBe(1)
    expect(by('trash-only')).toBeUndefined()
    expect(by('Reuters')).toMatchObject({ kind: 'source', count: 2 })
  })

  it('puts names that begin with the prefix before names with a word that does', () => {
    const facets = facetsOf(records)
    const got = matchFacets(facets, 'ra', ['tag', 'source', 'author'], 8).map((s) => s.value)
    expect(got[0]).toBe('rafah')
    expect(got).toContain('Raffaele Sánchez')
    const inner = matchFacets(facets, 'jaz', ['source'], 8)
    expect(inner).toEqual([{ kind: 'source', value: 'Al Jazeera', count: 1 }])
  })

  it('ignores case and accents, and keeps to the kinds asked for', () => {
    const facets = facetsOf(records)
    expect(matchFacets(facets, 'SANCHEZ', ['author'], 8).map((s) => s.value)).toEqual([
      'Raffaele Sánchez',
    ])
    expect(matchFacets(facets, 'r', ['tag'], 8).every((s) => s.kind === 'tag')).toBe(true)
    expect(matchFacets(facets, 'zzz', ['tag', 'source', 'author'], 8)).toEqual([])
  })

  it('lists the most used first for an empty prefix, no kind taking over the list', () => {
    const facets = facetsOf(records)
    const got = matchFacets(facets, '', ['tag', 'source', 'author'], 4)
    expect(got).toHaveLength(4)
    expect(got[0]).toMatchObject({ value: 'region/gaza', count: 2 })
    expect(got.filter((s) => s.kind === 'tag').length).toBeLessThanOrEqual(2)
  })

  it('counts again after a change, not before', () => {
    const live = [...records]
    const s = new SearchSuggestions(() => live)
    expect(s.suggest('wild', ['tag'])).toEqual([])
    live.push(makeArticle({ tags: ['wildlife'] }))
    expect(s.suggest('wild', ['tag'])).toEqual([])
    s.changed()
    expect(s.suggest('wild', ['tag'])).toEqual([{ kind: 'tag', value: 'wildlife', count: 1 }])
  })
})

describe('ArchiveService.suggest', () => {
  it('sees a tag added by a bulk edit and forgets it when its articles go to the Trash', async () => {
    const dir = join(await tempDir(), 'archive')
    const service = await ArchiveService.open(dir)
    const report = await service.importPaths([
      join(import.meta.dirname, '../../../../fixtures/import'),
    ])
    const ids = report.results.flatMap((r) => (r.status === 'imported' ? [r.id] : []))
    expect(await service.suggest({ prefix: 'harb', limit: 8 })).toEqual([])
    await service.bulkUpdate(ids, { addTags: ['harbour'] })
    expect(await service.suggest({ prefix: 'harb', limit: 8 })).toEqual([
      { kind: 'tag', value: 'harbour', count: ids.length },
    ])
    await service.delete(ids)
    expect(await service.suggest({ prefix: 'harb', limit: 8 })).toEqual([])
    await service.close()
  })
})
