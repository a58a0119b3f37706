// Export 10,000 highlights (1,000 articles × 10) to Markdown: in memory, to a new folder, and
// again over that folder (the in-place update path). Target: under 2 s. Run with
// `node test/bench/export-markdown.ts [--articles N] [--per N]`.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { describe } from '../../shared/anchoring/index.ts'
import { htmlToText } from '../../shared/html-text.ts'
import type { Annotation, Article, HighlightColor } from '../../shared/model.ts'
import { anchorAll } from '../../main/archive/annotations/annotation-edits.ts'
import type { ExportItem } from '../../main/archive/export/export-item.ts'
import { renderNotes } from '../../main/archive/export/markdown.ts'
import { exportMarkdownFolder } from '../../main/archive/export/markdown-folder.ts'

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000' },
    per: { type: 'string', default: '10' },
  },
})
const ARTICLES = Number(values.articles)
const PER = Number(values.per)
const COLORS: HighlightColor[] = ['yellow', 'green', 'blue', 'pink', 'purple']
const WORDS =
  'the council said on tuesday that a new bridge over the river would cost about forty million pounds and residents argued'.split(
    ' ',
  )

function paragraph(seed: number): string {
  return Array.from({ length: 60 }, (_, i) => WORDS[(seed * 7 + i * 13) % WORDS.length]).join(' ')
}

function makeItem(n: number): ExportItem {
  const id = n.toString(16).padStart(16, '0')
  const body = Array.from({ length: 12 }, (_, i) => `<p>${paragraph(n + i)}.</p>`).join('\n')
  const text = htmlToText(body)
  const now = '2024-05-01T00:00:00.000Z'
  const annotations: Annotation[] = Array.from({ length: PER }, (_, k) => {
    const start = Math.floor((k * text.length) / PER)
    return {
      id: (n * PER + k).toString(16).padStart(16, 'a'),
      createdAt: now,
      updatedAt: now,
      color: COLORS[k % COLORS.length]!,
      note: k % 2 ? `Note ${k} on "${id}", with a comma\nand a second line.` : '',
      tags: k % 3 ? ['bench', `topic/${k}`] : [],
      target: describe(text, start, start + 80),
      orphaned: false,
    }
  })
  const article: Article = {
    id,
    title: `Article ${n}: "quoted" title, with colon`,
    authors: ['Jane Doe'],
    source: 'Bench Gazette',
    url: `https://example.org/${n}`,
    publishedAt: now,
    importedAt: now,
    updatedAt: now,
    wordCount: 720,
    readingMinutes: 4,
    excerpt: '',
    contentHash: 'e'.repeat(64),
    origin: { kind: 'file', name: `${n}.txt`, format: 'text' },
    tags: ['bench'],
    status: 'unread',
    progress: 0,
    favorite: false,
    archivedAt: null,
    deletedAt: null,
    annotations,
    note: n % 4 ? '' : 'An article note.',
  }
  return { article, body, anchors: anchorAll(text, annotations) }
}

const items = Array.from({ length: ARTICLES }, (_, n) => makeItem(n + 1))
const total = items.reduce((s, i) => s + i.article.annotations.length, 0)
const time = async (fn: () => Promise<unknown> | unknown) => {
  const t = performance.now()
  await fn()
  return Math.round(performance.now() - t)
}

const dir = await mkdtemp(join(tmpdir(), 'quire-bench-md-'))
const noSyncDir = await mkdtemp(join(tmpdir(), 'quire-bench-md-nosync-'))
try {
  let bytes = 0
  const memoryMs = await time(() => {
    bytes = renderNotes(items).reduce((s, f) => s + f.text.length, 0)
  })
  // The same without fsync, to show how much of a folder export is the disk's flush.
  const noSyncMs = await time(() =>
    exportMarkdownFolder(items, noSyncDir, { write: (p, d) => writeFile(p, d) }),
  )
  const createMs = await time(() => exportMarkdownFolder(items, dir))
  const unchangedMs = await time(() => exportMarkdownFolder(items, dir))
  // One more highlight colour on every article: every file is rewritten in place.
  const changed = items.map((i) => ({
    ...i,
    article: {
      ...i.article,
      annotations: i.article.annotations.map((a) => ({ ...a, color: 'blue' as const })),
    },
  }))
  const updateMs = await time(() => exportMarkdownFolder(changed, dir))
  const result = {
    articles: ARTICLES,
    annotations: total,
    markdownChars: bytes,
    inMemoryMs: memoryMs,
    folderCreateMs: createMs,
    folderCreateWithoutFsyncMs: noSyncMs,
    folderUnchangedMs: unchangedMs,
    folderUpdateMs: updateMs,
    targetMs: 2000,
  }
  console.log(JSON.stringify(result, null, 2))
  if (memoryMs > 2000 || createMs > 2000) process.exitCode = 1
} finally {
  await rm(dir, { recursive: true, force: true })
  await rm(noSyncDir, { recursive: true, force: true })
}
