// A catalog shard is validated article by article with shared strings: the records that come
// out are the file's records, and a bad record is reported at its path, as before.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { JsonFileAdapter } from '../../../../../main/archive/store/json-file-adapter.ts'
import { ShardSchema } from '../../../../../main/archive/store/shard-schema.ts'
import { serializeShard } from '../../../../../main/archive/store/shard-file.ts'
import { makeArticle } from '../../../helpers/article.ts'
import { tempDir } from '../../../helpers/temp-dir.ts'

const at = '2024-03-01T10:00:00.000Z'

function records() {
  const a = makeArticle({
    id: 'aa00000000000001',
    importedAt: at,
    updatedAt: at,
    publishedAt: at,
    source: 'Reuters',
    tags: ['politics', 'region/gaza'],
    language: 'en',
  })
  const b = makeArticle({
    id: 'aa00000000000002',
    importedAt: at,
    updatedAt: '2024-03-02T10:00:00.000Z',
    source: 'Reuters',
    tags: ['politics'],
  })
  return { [a.id]: a, [b.id]: b }
}

async function read(content: unknown) {
  const path = join(await tempDir(), 'aa.json')
  await writeFile(path, JSON.stringify(content))
  return new JsonFileAdapter(path, ShardSchema).read()
}

describe('catalog shard schema', () => {
  it('gives back exactly the records in the file', async () => {
    const articles = records()
    const shard = await read({ articles })
    // Strictly: an absent field must stay absent, not come back as `undefined`.
    expect(shard).toStrictEqual(JSON.parse(JSON.stringify({ articles })))
    // Each record is its own object: changing one does not change another through sharing.
    shard!.articles['aa00000000000001']!.tags.push('tech')
    expect(shard!.articles['aa00000000000002']!.tags).toEqual(['politics'])
  })

  it('drops unknown fields, as the whole-shard schema did', async () => {
    const articles = records()
    const withExtra = { ...articles['aa00000000000001']!, futureField: 1 }
    const shard = await read({ articles: { ...articles, [withExtra.id]: withExtra } })
    expect(shard!.articles['aa00000000000001']).not.toHaveProperty('futureField')
  })

  it('reports a bad record at its path inside the shard, naming the file', async () => {
    const articles = records()
    const bad = { ...articles['aa00000000000002']!, wordCount: 'many' }
    const content = { articles: { ...articles, [bad.id]: bad } }
    await expect(read(content)).rejects.toThrow(/aa\.json is damaged/)
    await expect(read(content)).rejects.toThrow(/at articles\.aa00000000000002\.wordCount/)
    await expect(read({ articles: [] })).rejects.toThrow(/at articles/)
    await expect(read({})).rejects.toThrow(/at articles/)
  })

  it('writes the same bytes as JSON.stringify of the whole shard', () => {
    const articles = records()
    const odd = makeArticle({
      id: 'aa00000000000003',
      title: 'Çelik "quoted" \\ back\nslash \u2028 😀',
      subtitle: undefined,
      note: '</script>',
    })
    const shard = { articles: { ...articles, [odd.id]: odd } }
    expect(serializeShard(shard).toString('utf8')).toBe(JSON.stringify(shard))
    expect(serializeShard({ articles: {} }).toString('utf8')).toBe('{"articles":{}}')
  })
})
