import { describe, expect, it } from 'vitest'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  parseQuireJson,
  quireJsonText,
  snapshotOfQuireJson,
} from '../../../../../main/archive/export/quire-json.ts'
import { tempDir } from '../../../helpers/temp-dir.ts'
import type { ArchiveSnapshot } from '../../../../../main/archive/export/archive-snapshot.ts'
import { safeFileName, uniqueName } from '../../../../../main/archive/export/file-name.ts'
import { CURRENT_SCHEMA_VERSION } from '../../../../../main/archive/store/migrations.ts'
import { fixtureItems } from './fixture-items.ts'
import { expectGolden } from './golden.ts'

function snapshot(): ArchiveSnapshot {
  const items = fixtureItems()
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
    count: items.length,
    async *batches() {
      yield items.map((i) => i.article)
    },
    hasBody: () => true,
    readBody: async (id) => items.find((i) => i.article.id === id)?.body ?? null,
    readVersion: async () => null,
    assets: [`${'ab'.repeat(32)}.png`],
    copyAsset: async () => {},
  }
}

async function text(opts = { exportedAt: '2024-08-01T00:00:00.000Z' }): Promise<string> {
  let out = ''
  for await (const chunk of quireJsonText(snapshot(), 2, opts)) out += chunk
  return out
}

describe('Quire JSON', () => {
  it('matches the golden file and parses back to the same records and bodies', async () => {
    const written = await text()
    await expectGolden('quire.json', written)
    const back = parseQuireJson(written, 'quire.json')
    expect(back.articles).toEqual(fixtureItems().map((i) => ({ record: i.article, body: i.body })))
    expect(back.assets).toEqual([`${'ab'.repeat(32)}.png`])
    const again = snapshotOfQuireJson(back)
    expect(again.count).toBe(2)
    // Names without bytes are listed but cannot be restored from the JSON alone.
    expect(again.assets).toEqual([])
  })

  it('still restores the images an older export embedded', async () => {
    const doc = parseQuireJson(await text(), 'quire.json')
    const name = `${'ab'.repeat(32)}.png`
    const old = snapshotOfQuireJson({ ...doc, assetData: { [name]: 'AQID' } })
    expect(old.assets).toEqual([name])
    const dir = await tempDir()
    await old.copyAsset(name, join(dir, name))
    expect([...(await readFile(join(dir, name)))]).toEqual([1, 2, 3])
  })

  it('refuses a document with a duplicated article or an unsafe asset name', async () => {
    const doc = parseQuireJson(await text({ exportedAt: 'x' }), 'f.json')
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
