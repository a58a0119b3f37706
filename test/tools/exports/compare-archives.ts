// Two archive folders compared byte for byte: every catalog shard, body (and earlier
// version), asset, and the shared state of quire.json (tags, saved searches, feeds).
import { createHash } from 'node:crypto'
import { createReadStream, existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'

export interface Comparison {
  files: number
  records: number
  annotations: number
  differences: string[]
}

export async function compareArchives(a: string, b: string): Promise<Comparison> {
  const differences: string[] = []
  let files = 0
  for (const dir of ['catalog', 'content', 'assets']) {
    const left = await names(join(a, dir))
    const right = await names(join(b, dir))
    for (const n of left) if (!right.has(n)) differences.push(`${dir}/${n} is missing`)
    for (const n of right) if (!left.has(n)) differences.push(`${dir}/${n} is extra`)
    for (const n of left) {
      if (!right.has(n)) continue
      files++
      const [x, y] = await Promise.all([sha(join(a, dir, n)), sha(join(b, dir, n))])
      if (x !== y) differences.push(`${dir}/${n} differs`)
    }
  }
  const manifest = async (root: string) => {
    const m = JSON.parse(await readFile(join(root, 'quire.json'), 'utf8')) as Record<
      string,
      unknown
    >
    return JSON.stringify([m.schemaVersion, m.tags, m.savedSearches, m.feeds])
  }
  if ((await manifest(a)) !== (await manifest(b))) differences.push('quire.json state differs')
  let records = 0
  let annotations = 0
  for (const n of await names(join(a, 'catalog'))) {
    const shard = JSON.parse(await readFile(join(a, 'catalog', n), 'utf8')) as {
      articles: Record<string, { annotations: unknown[] }>
    }
    for (const r of Object.values(shard.articles)) {
      records++
      annotations += r.annotations.length
    }
  }
  return { files, records, annotations, differences }
}

async function names(dir: string): Promise<Set<string>> {
  if (!existsSync(dir)) return new Set()
  return new Set((await readdir(dir)).filter((n) => !n.startsWith('.')))
}

async function sha(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}
