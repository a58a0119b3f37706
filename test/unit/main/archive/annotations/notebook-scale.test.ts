// The notebook's scan at archive scale: 100k synthetic articles holding 150k annotations, all
// in memory as the catalog holds them. Prints the median time of each query for the report.
import { describe, expect, it } from 'vitest'
import { NotebookQuerySchema, type NotebookQuery } from '../../../../../shared/api.ts'
import type { Annotation, Article } from '../../../../../shared/model.ts'
import { HighlightColorSchema } from '../../../../../shared/model.ts'
import { listAnnotations } from '../../../../../main/archive/annotations/notebook.ts'
import { syntheticArticle } from '../../../../bench/synthetic-archive.ts'

const ARTICLES = 100_000
const COLORS = HighlightColorSchema.options

function archive(): Article[] {
  let s = 7
  const r = () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32
  const out: Article[] = []
  for (let i = 0; i < ARTICLES; i++) {
    const a = syntheticArticle(i, r)
    const n = i % 2 === 0 ? 2 : 1
    const annotations: Annotation[] = Array.from({ length: n }, (_, k) => {
      const exact = a.excerpt.slice(k * 40, k * 40 + 40) || 'quote'
      const at = new Date(Date.UTC(2024, 0, 1) + i * 600_000 + k).toISOString()
      return {
        id: (i * 4 + k).toString(16).padStart(16, '0'),
        createdAt: at,
        updatedAt: at,
        color: COLORS[(i + k) % COLORS.length]!,
        note: k === 0 ? `note ${i}` : '',
        tags: i % 10 === 0 ? ['research'] : [],
        target: {
          quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
          position: { type: 'TextPositionSelector', start: k * 40, end: k * 40 + exact.length },
        },
        orphaned: false,
      }
    })
    out.push({ ...a, annotations })
  }
  return out
}

function median(run: () => void, times = 5): number {
  const ms: number[] = []
  for (let i = 0; i < times; i++) {
    const t = performance.now()
    run()
    ms.push(performance.now() - t)
  }
  return ms.sort((a, b) => a - b)[Math.floor(times / 2)]!
}

describe('notebook scan at 100k articles', () => {
  it('answers a page of each query from one scan', { timeout: 120_000 }, () => {
    const articles = archive()
    const queries: [string, NotebookQuery][] = [
      ['everything', {}],
      ['colour', { filters: { color: 'pink' } }],
      ['tag', { filters: { tag: 'research' } }],
      ['text', { filters: { text: 'note 4242' } }],
      ['late page', { offset: 140_000, limit: 100 }],
    ]
    const report: string[] = []
    for (const [name, q] of queries) {
      const query = NotebookQuerySchema.parse(q)
      let total = 0
      const ms = median(() => (total = listAnnotations(articles, query).total))
      // Reported, not asserted: how fast is the benchmarks' to judge, on a quiet machine.
      report.push(`${name}: ${ms.toFixed(1)} ms (${total} matches)`)
    }
    expect(listAnnotations(articles, NotebookQuerySchema.parse({})).total).toBe(150_000)
    console.log(
      `notebook scan, ${ARTICLES} articles / 150000 annotations:\n  ${report.join('\n  ')}`,
    )
  })
})
