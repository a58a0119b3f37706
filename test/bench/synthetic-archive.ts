// Generates a synthetic archive of N article records straight into the shard files, with
// realistic metadata sizes and a Zipf-like vocabulary, for benchmarks at scale.
import { createHash } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Article } from '../../shared/model.ts'
import { openArchiveStore } from '../../main/archive/store/archive-store.ts'
import { allShardKeys } from '../../main/archive/store/layout.ts'

const VOCAB = Array.from({ length: 5000 }, (_, i) => word(i))

/** The vocabulary word of frequency rank `i` (0 is the most common). */
export function word(i: number): string {
  const syllables = ['ka', 'lo', 'mi', 'ne', 'ra', 'to', 'su', 'vi', 'de', 'an', 'or', 'el']
  let s = ''
  let n = i + 1
  while (n > 0) {
    s += syllables[n % syllables.length]
    n = Math.floor(n / syllables.length)
  }
  return s
}

/** Deterministic PRNG so runs are comparable. */
function rng(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

function zipfWord(r: () => number): string {
  // Inverse-power sampling approximates Zipf's law over the vocabulary.
  const idx = Math.floor(VOCAB.length ** r() - 1)
  return VOCAB[Math.min(idx, VOCAB.length - 1)]!
}

function sentence(r: () => number, words: number): string {
  const w = Array.from({ length: words }, () => zipfWord(r))
  const s = w.join(' ')
  return s.charAt(0).toUpperCase() + s.slice(1)
}

export function syntheticArticle(i: number, r: () => number): Article {
  const id = createHash('sha1').update(`synthetic-${i}`).digest('hex').slice(0, 16)
  const imported = new Date(Date.UTC(2020, 0, 1) + i * 60_000).toISOString()
  const words = 150 + Math.floor(r() * 500) // about 400 on average: 40M words at 100k
  return {
    id,
    title: sentence(r, 6 + Math.floor(r() * 8)),
    ...(r() < 0.4 ? { subtitle: sentence(r, 14) } : {}),
    authors: [sentence(r, 2)],
    source: ['BBC News', 'Reuters', 'Anadolu Agency', 'AP'][i % 4]!,
    importedAt: imported,
    updatedAt: imported,
    publishedAt: imported,
    wordCount: words,
    readingMinutes: Math.ceil(words / 238),
    excerpt: sentence(r, 45).slice(0, 280),
    contentHash: createHash('sha256').update(`synthetic-${i}`).digest('hex'),
    origin: { kind: 'file', name: `${i}.txt`, format: 'text' },
    tags: r() < 0.3 ? [['politics', 'region/gaza', 'tech', 'economy'][i % 4]!] : [],
    status: r() < 0.5 ? 'read' : 'unread',
    progress: 0,
    favorite: r() < 0.05,
    archivedAt: null,
    deletedAt: null,
    annotations: [],
    note: '',
  }
}

/** A body of about `words` Zipf-distributed words in paragraphs of 40–120 words. */
export function syntheticBody(words: number, r: () => number): string {
  const paragraphs: string[] = []
  let left = words
  while (left > 0) {
    const n = Math.min(left, 40 + Math.floor(r() * 80))
    paragraphs.push(`<p>${sentence(r, n)}.</p>`)
    left -= n
  }
  return paragraphs.join('\n') + '\n'
}

/** Write an archive of `n` records into `root`, with bodies when `bodies` is set. */
export async function generateArchive(root: string, n: number, bodies = false): Promise<void> {
  // Creates quire.json and the folders; closed at once so the measuring process can lock it.
  await (await openArchiveStore(root)).close()
  const r = rng(42)
  const shards = new Map(allShardKeys().map((k) => [k, {} as Record<string, Article>]))
  const pending: Promise<void>[] = []
  for (let i = 0; i < n; i++) {
    const a = syntheticArticle(i, r)
    shards.get(a.id.slice(0, 2))![a.id] = a
    if (bodies) {
      pending.push(writeFile(join(root, 'content', `${a.id}.html`), syntheticBody(a.wordCount, r)))
      if (pending.length >= 256) await Promise.all(pending.splice(0))
    }
  }
  await Promise.all(pending)
  await mkdir(join(root, 'catalog'), { recursive: true })
  await Promise.all(
    [...shards].map(([k, articles]) =>
      writeFile(join(root, 'catalog', `${k}.json`), JSON.stringify({ articles })),
    ),
  )
}
