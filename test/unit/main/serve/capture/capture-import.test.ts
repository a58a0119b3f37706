// Captures through the endpoint land as saved pages do: extracted, sanitised, images from
// the capture itself (never the network), a known address as a new version, the selection
// as the first highlight, a retried key answered once; hostile markup sanitised exactly as
// the same page imported from a file.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ArchiveService } from '../../../../../main/archive/service.ts'
import { tempDir } from '../../../helpers/temp-dir.ts'
import { PNG_BASE64 } from '../../archive/import/html/fixtures.ts'
import { PARAS, page, pair, post, setup, teardown, type Setup } from './capture-helpers.ts'

let s: Setup | undefined
afterEach(async () => {
  await teardown(s)
  s = undefined
})

const FIXTURES = join(import.meta.dirname, '..', '..', '..', '..', 'fixtures')
const URL_A = 'https://news.example/2024/pilots'

function key(n: number): string {
  return `capture-key-${String(n).padStart(8, '0')}`
}

async function save(token: string, body: Record<string, unknown>) {
  return post(`${s!.address}/capture/save`, { token, body })
}

describe('a capture', () => {
  it('arrives with its text, its inline image, its selection as a highlight, tags and note', async () => {
    s = await setup()
    const token = await pair(s)
    const html = page(
      'River Pilots Keep Their Logbook',
      PARAS,
      '<img src="/img/pilot.png" alt="A pilot">',
    )
    const r = await save(token, {
      key: key(1),
      url: URL_A,
      html,
      images: [{ url: 'https://news.example/img/pilot.png', data: PNG_BASE64 }],
      selection: { exact: 'keep a logbook', prefix: 'lower estuary ', suffix: ' that has' },
      tags: ['rivers'],
      note: 'Ask the museum for the 1890 volume.',
    })
    expect(r.json).toMatchObject({ ok: true, value: { status: 'imported' } })
    const { id } = r.json!.value as { id: string }
    const got = await s.service.get(id)
    expect(got.body).toContain('newest volume was shown')
    expect(got.body).toMatch(/<img src="assets\/[0-9a-f]{64}\.png"/)
    expect(got.article.tags).toEqual(['rivers'])
    expect(got.article.note).toBe('Ask the museum for the 1890 volume.')
    expect(got.article.annotations).toHaveLength(1)
    expect(got.article.annotations[0]!.target.quote.exact).toBe('keep a logbook')
    expect(got.article.annotations[0]!.orphaned).toBeFalsy()
    expect(got.article.url).toBe(URL_A)
    expect(
      s.service.captures.findByAddress(['https://www.news.example/2024/pilots?utm_source=x']),
    ).toEqual({
      id,
      title: 'River Pilots Keep Their Logbook',
    })
  })

  it('is imported once when its key is delivered twice (a retried queue item)', async () => {
    s = await setup()
    const token = await pair(s)
    const body = { key: key(2), url: URL_A, html: page('Pilots', PARAS) }
    const [a, b] = await Promise.all([save(token, body), save(token, body)])
    const c = await save(token, body)
    expect(a.json).toEqual(b.json)
    expect(c.json).toEqual(a.json)
    expect((await s.service.list({ view: 'all', limit: 50 } as never)).total).toBe(1)
  })

  it('of an address already here adds a version and carries the highlights over', async () => {
    s = await setup()
    const token = await pair(s)
    const first = await save(token, {
      key: key(3),
      url: URL_A,
      html: page('Pilots', PARAS),
      selection: { exact: 'written by hand' },
    })
    const id = (first.json!.value as { id: string }).id
    const updated = [PARAS[0]!, `Updated: ${PARAS[1]!}`, PARAS[2]!]
    const second = await save(token, { key: key(4), url: URL_A, html: page('Pilots', updated) })
    expect(second.json).toMatchObject({ ok: true, value: { status: 'version', id } })
    const got = await s.service.get(id)
    expect(got.body).toContain('Updated: Each entry')
    expect(got.article.versions).toHaveLength(1)
    expect(got.article.annotations).toHaveLength(1)
    expect(got.article.annotations[0]!.orphaned).toBeFalsy()
    // The same text again: nothing new but the tags it brings.
    const third = await save(token, {
      key: key(5),
      url: URL_A,
      html: page('Pilots', updated),
      tags: ['again'],
    })
    expect(third.json).toMatchObject({ ok: true, value: { status: 'duplicate', id } })
    expect((await s.service.get(id)).article.tags).toEqual(['again'])
  })

  it('with tags and a note added afterwards (amend) gets them once', async () => {
    s = await setup()
    const token = await pair(s)
    const first = await save(token, { key: key(6), url: URL_A, html: page('Pilots', PARAS) })
    const id = (first.json!.value as { id: string }).id
    const amend = { key: key(7), capture: key(6), tags: ['later'], note: 'Read again.' }
    await post(`${s.address}/capture/amend`, { token, body: amend })
    await post(`${s.address}/capture/amend`, { token, body: amend })
    const got = await s.service.get(id)
    expect(got.article.tags).toEqual(['later'])
    expect(got.article.note).toBe('Read again.')
  })

  it('without an article is refused with the importer’s reason', async () => {
    s = await setup()
    const token = await pair(s)
    const r = await save(token, {
      key: key(8),
      url: URL_A,
      html: '<html><body><nav><a href="/">Home</a></nav></body></html>',
    })
    expect(r.status).toBe(400)
    expect(r.json?.error?.message).toMatch(/no article text/)
  })
})

describe('hostile captured markup', () => {
  const payloads = JSON.parse(
    readFileSync(join(FIXTURES, 'hostile', 'payloads.json'), 'utf8'),
  ) as string[]
  const hostile = readFileSync(join(FIXTURES, 'html', 'hostile.html'), 'utf8')

  it('is sanitised exactly as the same page saved to a file', async () => {
    s = await setup()
    const token = await pair(s)
    // Another archive for the file imports, so neither copy is a duplicate of the other.
    const files = await ArchiveService.open(join(await tempDir(), 'files'))
    const pages = [hostile, page('Payloads', [...PARAS, ...payloads])]
    for (const [i, html] of pages.entries()) {
      const url = `https://evil.example/page-${i}`
      const r = await save(token, { key: key(100 + i), url, html })
      expect(r.json?.ok, JSON.stringify(r.json)).toBe(true)
      const captured = (await s.service.get((r.json!.value as { id: string }).id)).body
      // The saved file says where it came from, as a browser's "Save page" does.
      const saved = `<!-- saved from url=(0030)${url} -->\n${html}`
      const report = await files.importUploads([
        { name: `page-${i}.html`, bytes: new TextEncoder().encode(saved) },
      ])
      const result = report.results[0]!
      expect(result.status).toBe('imported')
      const fromFile = (await files.get((result as { id: string }).id)).body
      expect(captured).toBe(fromFile)
      expect(captured).not.toMatch(/<script|\son[a-z]+\s*=|javascript:|<iframe|<svg|<style|srcdoc/i)
      expect(captured).not.toMatch(/src="[^"]*evil\.example/i)
    }
    await files.close()
  })
})
