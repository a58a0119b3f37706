// Re-extraction over stored records, the schema-2 migration of credits, and the service
// operation end to end (hand-edited fields kept, the index told).
import { describe, expect, it } from 'vitest'
import { reextractRecord } from '../../../../../main/archive/reextract/reextract-record.ts'
import { splitPeopleFromOrganizations } from '../../../../../main/archive/store/migrate-credits.ts'
import { ArchiveService } from '../../../../../main/archive/service.ts'
import { makeArticle } from '../../../helpers/article.ts'
import { tempDir } from '../../../helpers/temp-dir.ts'

const now = '2026-12-07T12:00:00.000Z'

describe('reextractRecord', () => {
  it('replaces a file name as source, splits credits, cleans the title, dates from the address', () => {
    const a = makeArticle({
      title: 'Harbour reopens | Coast Courier',
      source: 'source.html',
      origin: { kind: 'file', name: 'source.html', format: 'html' },
      url: 'https://www.courier.example/2024/06/25/harbour',
      authors: ['By Ann Lee and Rui Costa', 'Reuters'],
    })
    const r = reextractRecord(a, now)!
    expect(r.article.source).toBe('courier.example')
    expect(r.article.authors).toEqual(['Ann Lee', 'Rui Costa'])
    expect(r.article.organizations).toEqual(['Reuters'])
    expect(r.article.title).toBe('Harbour reopens')
    expect(r.article.publishedAt).toBe('2024-06-25')
    expect(r.changed.sort()).toEqual(['authors', 'publishedAt', 'source', 'title'])
  })

  it('keeps what the user edited by hand, and changes nothing twice', () => {
    const a = makeArticle({
      title: 'My title | Mine',
      source: 'notes.txt',
      origin: { kind: 'file', name: 'notes.txt', format: 'html' },
      edited: ['title', 'source'],
    })
    expect(reextractRecord(a, now)).toBeNull()
    const once = reextractRecord(makeArticle({ authors: ['Lee, Ann'] }), now)!
    expect(once.article.authors).toEqual(['Ann Lee'])
    expect(reextractRecord(once.article, now)).toBeNull()
  })

  it('names the dateline’s agency for plain text with no address', () => {
    const a = makeArticle({
      source: '149.txt',
      origin: { kind: 'file', name: '149.txt', format: 'text' },
      dateline: { place: 'ANKARA', agency: 'AA', raw: 'ANKARA (AA) –' },
    })
    expect(reextractRecord(a, now)!.article.source).toBe('AA')
  })
})

describe('schema 2', () => {
  it('moves organisations out of authors and leaves people', () => {
    const raw = { authors: ['Ann Lee', 'BBC News', 'Coast Courier'], source: 'Coast Courier' }
    expect(splitPeopleFromOrganizations(raw)).toEqual({
      authors: ['Ann Lee'],
      organizations: ['BBC News', 'Coast Courier'],
      source: 'Coast Courier',
    })
    const people = { authors: ['Ann Lee'] }
    expect(splitPeopleFromOrganizations(people)).toBe(people)
  })
})

describe('ArchiveService.reextract', () => {
  it('updates every article but the fields edited by hand, across reopen', async () => {
    const root = await tempDir()
    const service = await ArchiveService.open(root)
    const report = await service.importUploads([
      {
        name: 'page.html',
        bytes: new TextEncoder().encode(
          `<html><head><title>Breakwater done - Coast Courier</title></head><body><article><p>${'The harbour works are finished and the quay is open again for the boats. '.repeat(10)}</p></article></body></html>`,
        ),
      },
    ])
    const id = report.results[0]!.status === 'imported' ? report.results[0]!.id : ''
    await service.update(id, { source: 'Courier by hand' })
    const progress: number[] = []
    const r = await service.reextract('all', (p) => progress.push(p.done))
    expect(r.checked).toBe(1)
    expect(progress.at(-1)).toBe(1)
    const { article } = await service.get(id)
    expect(article.source).toBe('Courier by hand')
    expect(article.edited).toContain('source')
    await service.close()
  })
})
