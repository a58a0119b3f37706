import { describe, expect, it } from 'vitest'
import {
  buildQuireJson,
  parseQuireJson,
  snapshotOfQuireJson,
} from '../../../../../main/archive/export/quire-json.ts'
import type { ArchiveSnapshot } from '../../../../../main/archive/export/archive-snapshot.ts'
import { safeFileName, uniqueName } from '../../../../../main/archive/export/file-name.ts'
import { CURRENT_SCHEMA_VERSION } from '../../../../../main/archive/store/migrations.ts'
import { fixtureItems } from './fixture-items.ts'
import { expectGolden } from './golden.ts'

function snapshot(): ArchiveSnapshot {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    tags: [{ name: 'région/غزة', color: '#ff0000' }],
    savedSearches: [
      {
        id: '1111111111111111',
        name: 'Bridges, "all"',
        query: 'bridge',
        createdAt: '2024-01-01T00:00:00.000Z',
      },
    ],
    articles: fixtureItems().map((i) => ({ record: i.article, body: i.body })),
    assets: [`${'ab'.repeat(32)}.png`],
    readAsset: async () => new Uint8Array([1, 2, 3]),
  }
}

describe('Quire JSON', () => {
  it('matches the golden file and parses back to the same document', async () => {
    const doc = await buildQuireJson(snapshot(), {
      exportedAt: '2024-08-01T00:00:00.000Z',
      includeAssets: true,
    })
    const text = JSON.stringify(doc, null, 1) + '\n'
    await expectGolden('quire.json', text)
    const back = parseQuireJson(text, 'quire.json')
    expect(back).toEqual(doc)
    const again = snapshotOfQuireJson(back)
    expect(again.articles).toEqual(snapshot().articles)
    expect([...(await again.readAsset(again.assets[0]!))]).toEqual([1, 2, 3])
  })

  it('refuses a document with a duplicated article or an unsafe asset name', async () => {
    const doc = await buildQuireJson(snapshot(), { exportedAt: 'x' })
    const twice = { ...doc, articles: [...doc.articles, doc.articles[0]] }
    expect(() => parseQuireJson(JSON.stringify(twice), 'f.json')).toThrow(/twice/)
    const slip = { ...doc, assets: ['../../etc/passwd'] }
    expect(() => parseQuireJson(JSON.stringify(slip), 'f.json')).toThrow(/at assets\.0/)
  })
})

describe('file names', () => {
  it('are safe on every system and unique in a folder', () => {
    expect(safeFileName('a/b\\c:d*e?f"g<h>i|j')).toBe('a b c d e f g h i j')
    expect(safeFileName('  ..hidden.. ')).toBe('hidden')
    expect(safeFileName('aux.txt')).toBe('_aux.txt')
    expect(safeFileName('')).toBe('untitled')
    expect(safeFileName('\u202etxt.exe')).toBe('txt.exe')
    const long = safeFileName('東'.repeat(200))
    expect(new TextEncoder().encode(long).length).toBeLessThanOrEqual(180)
    expect(long).toBe('東'.repeat(60))
    const taken = new Set<string>(['note.md'])
    expect(uniqueName('Note', '.md', taken)).toBe('Note 2.md')
    expect(uniqueName('Note', '.md', taken)).toBe('Note 3.md')
  })
})

describe('zip batch reader', () => {
  it('returns every wanted entry once, in few passes, within the budget', async () => {
    const { zipSync } = await import('fflate')
    const { zipBatchReader } =
      await import('../../../../../main/archive/export/zip-batch-reader.ts')
    const files: Record<string, Uint8Array> = {}
    for (let i = 0; i < 50; i++) files[`assets/${i}.png`] = new Uint8Array(100).fill(i)
    files['other.txt'] = new Uint8Array([1])
    const read = zipBatchReader(zipSync(files), Object.keys(files).slice(0, 50), 1000)
    for (let i = 49; i >= 0; i--) expect(read(`assets/${i}.png`)![0]).toBe(i)
    expect(read('assets/3.png')).toBeNull() // given once
    expect(read('other.txt')).toBeNull() // not wanted
  })
})
