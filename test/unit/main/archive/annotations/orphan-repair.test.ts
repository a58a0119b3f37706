// Orphans and their repair: a candidate passage from the wider search, re-anchoring on a
// confirmed range, refusal of bad ranges; through the service on a real archive on disk.
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { htmlToText } from '../../../../../shared/html-text.ts'
import { QuireError } from '../../../../../shared/errors.ts'
import { describe as describeRange } from '../../../../../shared/anchoring/index.ts'
import type { Annotation } from '../../../../../shared/model.ts'
import { ArchiveService } from '../../../../../main/archive/service.ts'
import {
  reanchored,
  repairCandidates,
  wholeWords,
} from '../../../../../main/archive/annotations/orphan-repair.ts'
import { tempDir } from '../../../helpers/temp-dir.ts'

const FIXTURES = join(import.meta.dirname, '../../../../fixtures/import')
const open: ArchiveService[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()))
})

function annotationOn(text: string, exact: string): Annotation {
  const start = text.indexOf(exact)
  return {
    id: 'a'.repeat(16),
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    color: 'blue',
    note: 'keep me',
    tags: ['t'],
    target: describeRange(text, start, start + exact.length),
    orphaned: false,
  }
}

const BEFORE = 'The council approved the bridge. It will cost about forty million pounds in all.'

describe('repairCandidates', () => {
  it('offers the closest passage for an orphan, with its text, and skips anchored ones', () => {
    const a = annotationOn(BEFORE, 'cost about forty million pounds')
    const held = { ...annotationOn(BEFORE, 'The council approved'), id: 'b'.repeat(16) }
    // Too changed for anchoring (over a quarter of the quote), close enough for a candidate.
    const after = 'The council approved the bridge. It will now cost near 52 million euros in all.'
    const [c, ...rest] = repairCandidates(after, [a, held])
    expect(rest).toEqual([])
    expect(c?.id).toBe(a.id)
    expect(c?.candidate?.text).toMatch(/cost near 52 million euros/)
    expect(c?.candidate?.text).toBe(after.slice(c!.candidate!.start, c!.candidate!.end))
    expect(c?.candidate?.score).toBeGreaterThan(0)
  })

  it('has no candidate when nothing is near', () => {
    const a = annotationOn(BEFORE, 'cost about forty million pounds')
    expect(repairCandidates('Completely different words here, none alike.', [a])).toEqual([
      { id: a.id },
    ])
  })
})

describe('reanchored', () => {
  it('rewrites quote and position from the current text, keeping note, colour and tags', () => {
    const a = annotationOn(BEFORE, 'forty million')
    const text = 'Now: fifty million.'
    const next = reanchored(a, text, 5, 18, 'now')
    expect(next.target.quote.exact).toBe('fifty million')
    expect(next.target.position).toEqual({ type: 'TextPositionSelector', start: 5, end: 18 })
    expect(next).toMatchObject({ note: 'keep me', color: 'blue', tags: ['t'], updatedAt: 'now' })
  })

  it('refuses ranges outside the text, empty or reversed', () => {
    const a = annotationOn(BEFORE, 'forty million')
    for (const [s, e] of [
      [5, 5],
      [6, 2],
      [0, 999],
      [-1, 3],
      [0.5, 3],
    ] as const) {
      expect(() => reanchored(a, 'short text', s, e, 'now')).toThrow(QuireError)
    }
  })
})

describe('repair through the service', () => {
  it('lists the orphan with a candidate and re-anchors it on the confirmed range', async () => {
    const root = join(await tempDir(), 'archive')
    const service = await ArchiveService.open(root)
    open.push(service)
    const report = await service.importPaths([join(FIXTURES, 'bridge.txt')])
    const id = report.results[0]?.status === 'imported' ? report.results[0].id : ''
    const text = htmlToText((await service.get(id)).body)
    const exact = 'Residents have argued over the design for years.'
    const start = text.indexOf(exact)
    const a = await service.createAnnotation({
      articleId: id,
      start,
      end: start + exact.length,
      color: 'pink',
      note: 'why?',
    })
    const bodyPath = join(root, 'content', `${id}.html`)
    const body = await readFile(bodyPath, 'utf8')
    await writeFile(
      bodyPath,
      body.replace(exact, 'Residents argued about its design for many, many years.'),
    )
    expect((await service.get(id)).anchors).toEqual([{ id: a.id, status: 'orphaned' }])

    const [c] = await service.annotationCandidates(id)
    expect(c?.id).toBe(a.id)
    const cand = c!.candidate!
    expect(cand.text).toContain('argued about its design')
    await expect(service.reanchorAnnotation(id, a.id, 0, 10 ** 6)).rejects.toThrow(/not a passage/)
    await expect(service.reanchorAnnotation(id, 'f'.repeat(16), 0, 3)).rejects.toThrow(
      /No annotation/,
    )

    const fixed = await service.reanchorAnnotation(id, a.id, cand.start, cand.end)
    expect(fixed.note).toBe('why?')
    const got = await service.get(id)
    expect(got.anchors).toEqual([
      { id: a.id, status: 'exact-position', start: cand.start, end: cand.end },
    ])
    expect(await service.annotationCandidates(id)).toEqual([])
  })
})

describe('wholeWords', () => {
  it('widens a range that starts or ends inside a word, and leaves whole words alone', () => {
    const text = 'Archivists at the harbour museum.'
    expect(wholeWords(text, 5, 20)).toEqual({ start: 0, end: 25 })
    expect(wholeWords(text, 11, 17)).toEqual({ start: 11, end: 17 })
    expect(wholeWords('Ünïcode wörds', 2, 10)).toEqual({ start: 0, end: 13 })
  })
})
