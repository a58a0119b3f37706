// Link records fetched later and pages fetched again: the body replaced, the earlier one kept
// as a version, annotations carried over by re-anchoring (or orphaned, never dropped).
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ArchiveService } from '../../../../../main/archive/service.ts'
import type { FeedNet } from '../../../../../main/archive/import/online.ts'
import { tempDir } from '../../../helpers/temp-dir.ts'

function pageNet(pages: Map<string, string[]>): FeedNet {
  return {
    fetchFeed: async () => {
      throw new Error('no feeds here')
    },
    fetchArticle: async (url) => {
      const ps = pages.get(url)
      if (!ps) throw new Error(`could not reach ${url}`)
      return {
        title: 'Fetched title',
        authors: ['Kim Park'],
        paragraphs: ps,
        bodyHtml: ps.map((p) => `<p>${p}</p>`).join(''),
        format: 'html',
        url,
      }
    },
  }
}

describe('fetching articles', () => {
  it('fills a link record, then keeps the old body as a version when fetched again', async () => {
    const dir = await tempDir()
    const service = await ArchiveService.open(join(dir, 'a'))
    const pages = new Map([['https://ex.example/a', ['Alpha beta gamma delta.', 'Second part.']]])
    service.configure({ net: pageNet(pages) })
    const imported = await service.importUrls(['https://ex.example/a', 'https://ex.example/404'])
    expect(imported).toMatchObject({ imported: 1, failed: 1 })
    expect(imported.results[1]).toMatchObject({ error: { message: /could not reach/ } })
    const id = imported.results[0]!.status === 'imported' ? imported.results[0]!.id : ''
    const text = 'Alpha beta gamma delta.\n\nSecond part.'
    const start = text.indexOf('gamma')
    await service.createAnnotation({ articleId: id, start, end: start + 5, color: 'blue' })
    await service.createAnnotation({
      articleId: id,
      start: text.indexOf('Second'),
      end: text.indexOf('Second') + 6,
      color: 'pink',
    })

    pages.set('https://ex.example/a', ['New intro.', 'Alpha beta gamma delta.'])
    const again = await service.fetchArticles([id])
    expect(again).toMatchObject({ imported: 1, failed: 0 })
    const now = await service.get(id)
    expect(now.body).toBe('<p>New intro.</p><p>Alpha beta gamma delta.</p>')
    expect(now.article.versions).toMatchObject([{ n: 1, title: 'Fetched title' }])
    expect(now.anchors.map((a) => a.status)).toEqual(['exact-position', 'orphaned'])
    expect(now.article.annotations.map((a) => a.orphaned)).toEqual([false, true])
    const old = await service.getVersion(id, 1)
    expect(old.body).toBe('<p>Alpha beta gamma delta.</p><p>Second part.</p>')
    expect(old.anchors.map((a) => a.status)).not.toContain('orphaned')
    await expect(service.getVersion(id, 2)).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await service.close()
  })
})
