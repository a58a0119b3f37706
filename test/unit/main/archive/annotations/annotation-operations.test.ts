import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { SearchInputSchema } from '../../../../../shared/api.ts'
import { QuireError } from '../../../../../shared/errors.ts'
import { htmlToText } from '../../../../../shared/html-text.ts'
import { ArchiveService } from '../../../../../main/archive/service.ts'
import { tempDir } from '../../../helpers/temp-dir.ts'

const FIXTURES = join(import.meta.dirname, '../../../../fixtures/import')
const open: ArchiveService[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()))
})

async function openService(root: string) {
  const s = await ArchiveService.open(root)
  open.push(s)
  return s
}

/** An archive holding the bridge fixture; returns its id and normalised text. */
async function bridgeArchive() {
  const root = join(await tempDir(), 'archive')
  const service = await openService(root)
  const report = await service.importPaths([join(FIXTURES, 'bridge.txt')])
  const id = report.results[0]?.status === 'imported' ? report.results[0].id : ''
  const { body } = await service.get(id)
  return {
    root,
    service,
    id,
    text: htmlToText(body),
    bodyPath: join(root, 'content', `${id}.html`),
  }
}

/** The offsets of `from` up to and including `to` in `text`. */
function range(text: string, from: string, to: string) {
  const start = text.indexOf(from)
  return { start, end: text.indexOf(to, start) + to.length }
}

async function reopen(service: ArchiveService, root: string) {
  await service.close()
  return openService(root)
}

describe('annotations', () => {
  it('highlights a range across two paragraphs and finds it again at its position', async () => {
    const { service, id, text } = await bridgeArchive()
    const { start, end } = range(text, 'Wend river.', 'The project')
    expect(text.slice(start, end)).toBe('Wend river.\n\nThe project')
    const created = await service.createAnnotation({
      articleId: id,
      start,
      end,
      color: 'yellow',
      note: 'check the cost',
    })
    expect(created).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f]{16}$/),
      color: 'yellow',
      note: 'check the cost',
      tags: [],
      orphaned: false,
      target: {
        quote: { type: 'TextQuoteSelector', exact: 'Wend river.\n\nThe project' },
        position: { type: 'TextPositionSelector', start, end },
      },
    })
    const { article, anchors } = await service.get(id)
    expect(article.annotations).toEqual([created])
    expect(anchors).toEqual([{ id: created.id, status: 'exact-position', start, end }])
  })

  it('follows the quote when a paragraph is inserted before it on disk', async () => {
    const { service, id, text, bodyPath } = await bridgeArchive()
    const { start, end } = range(text, 'about 40 million', 'pounds')
    const a = await service.createAnnotation({ articleId: id, start, end, color: 'green' })
    const inserted = 'An editor added this paragraph later.'
    const body = await readFile(bodyPath, 'utf8')
    await writeFile(bodyPath, `<p>${inserted}</p>\n${body}`)
    const shift = inserted.length + 2
    const got = await service.get(id)
    expect(got.anchors).toEqual([
      { id: a.id, status: 'exact-quote', start: start + shift, end: end + shift },
    ])
    // Reading never rewrites the stored selectors.
    expect(got.article.annotations[0]?.target.position).toEqual({
      type: 'TextPositionSelector',
      start,
      end,
    })
  })

  it('lists an annotation whose quote left the body as orphaned, keeping its quote and note', async () => {
    const { service, id, text, bodyPath } = await bridgeArchive()
    const { start, end } = range(text, 'Residents have argued', 'for years.')
    const a = await service.createAnnotation({
      articleId: id,
      start,
      end,
      color: 'pink',
      note: 'who are they?',
    })
    const body = await readFile(bodyPath, 'utf8')
    await writeFile(bodyPath, body.replace(/<p>Residents[^<]*<\/p>\n/, ''))
    const { article, anchors } = await service.get(id)
    expect(anchors).toEqual([{ id: a.id, status: 'orphaned' }])
    expect(article.annotations[0]).toMatchObject({
      id: a.id,
      note: 'who are they?',
      target: { quote: { exact: 'Residents have argued over the design for years.' } },
    })
  })

  it('updates, deletes and restores an annotation, and keeps each step across a reopen', async () => {
    const ctx = await bridgeArchive()
    let service = ctx.service
    const { start, end } = range(ctx.text, 'city council', 'Tuesday')
    const a = await service.createAnnotation({ articleId: ctx.id, start, end, color: 'blue' })
    const updated = await service.updateAnnotation(ctx.id, a.id, {
      color: 'purple',
      note: 'which council?',
      tags: ['people', 'people', 'places'],
    })
    expect(updated).toMatchObject({
      id: a.id,
      color: 'purple',
      note: 'which council?',
      tags: ['people', 'places'],
      createdAt: a.createdAt,
      target: a.target,
    })
    service = await reopen(service, ctx.root)
    expect((await service.get(ctx.id)).article.annotations).toEqual([updated])

    expect(await service.deleteAnnotation(ctx.id, a.id)).toEqual({ count: 1 })
    expect(await service.deleteAnnotation(ctx.id, a.id)).toEqual({ count: 0 })
    service = await reopen(service, ctx.root)
    expect((await service.get(ctx.id)).article.annotations).toEqual([])
    expect((await service.get(ctx.id)).anchors).toEqual([])

    expect(await service.restoreAnnotation(ctx.id, updated)).toEqual(updated)
    service = await reopen(service, ctx.root)
    const { article, anchors } = await service.get(ctx.id)
    expect(article.annotations).toEqual([updated])
    expect(anchors).toEqual([{ id: a.id, status: 'exact-position', start, end }])

    await expect(
      service.updateAnnotation(ctx.id, 'ffffffffffffffff', { note: 'x' }),
    ).rejects.toThrow(expect.objectContaining({ code: 'NOT_FOUND' }))
  })

  it('refuses ranges that are empty, reversed or outside the text', async () => {
    const { service, id, text } = await bridgeArchive()
    for (const [start, end] of [
      [5, 5],
      [9, 3],
      [0, text.length + 1],
      [text.length, text.length + 4],
    ] as const) {
      const err = await service
        .createAnnotation({ articleId: id, start, end, color: 'yellow' })
        .catch((e: unknown) => e)
      expect(err).toBeInstanceOf(QuireError)
      expect((err as QuireError).code).toBe('INVALID_INPUT')
      expect((err as QuireError).message).toContain(`${start}–${end}`)
    }
    expect((await service.get(id)).article.annotations).toEqual([])
  })

  it('sets the article note and makes annotation and article notes searchable', async () => {
    const { service, id, text } = await bridgeArchive()
    await service.startIndex().whenReady()
    const find = async (query: string) =>
      (await service.search(SearchInputSchema.parse({ query }))).items.map((a) => a.id)
    expect(await find('zeppelin')).toEqual([])
    const { start, end } = range(text, 'Work will start', 'spring.')
    await service.createAnnotation({
      articleId: id,
      start,
      end,
      color: 'yellow',
      note: 'Ask the zeppelin engineers',
    })
    expect(await find('zeppelin')).toEqual([id])
    const article = await service.setNote(id, 'Follow up with the harbourmaster')
    expect(article.note).toBe('Follow up with the harbourmaster')
    expect(await find('harbourmaster')).toEqual([id])
  })
})
