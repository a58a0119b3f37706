// "Open in Quire" from the extension: `quire serve` answers with a one-time address for a
// tab; the desktop app brings its window to the front and tells the page to open the
// article, answering `shown`; with no window it says so. Ids are checked before anything.
import { afterEach, describe, expect, it } from 'vitest'
import { showArticle, type ShowableWindow } from '../../../../../main/app/show-article.ts'
import { pair, post, setup, teardown, type Setup } from './capture-helpers.ts'

let s: Setup | undefined
afterEach(async () => {
  await teardown(s)
  s = undefined
})

function fakeWindow(minimized: boolean) {
  const calls: string[] = []
  const win: ShowableWindow = {
    isDestroyed: () => false,
    isMinimized: () => minimized,
    restore: () => void calls.push('restore'),
    show: () => void calls.push('show'),
    focus: () => void calls.push('focus'),
  }
  return { win, calls }
}

describe('Open in Quire', () => {
  it('in `quire serve`: a one-time address to open in a tab', async () => {
    s = await setup(undefined, undefined, { openLink: (id) => `http://127.0.0.1:1/open/${id}x` })
    const token = await pair(s)
    const r = await post(`${s.address}/capture/open`, { token, body: { id: 'abc_123' } })
    expect(r.status).toBe(200)
    expect(r.json?.value).toEqual({ url: 'http://127.0.0.1:1/open/abc_123x' })
  })

  it('in the desktop app: the window comes forward and the page is told which article', async () => {
    const { win, calls } = fakeWindow(true)
    const events: unknown[] = []
    s = await setup(undefined, undefined, {
      showInApp: (id) => showArticle(win, id, (event, payload) => events.push([event, payload])),
    })
    const token = await pair(s)
    const r = await post(`${s.address}/capture/open`, { token, body: { id: 'abc_123' } })
    expect(r.json?.value).toEqual({ shown: true })
    expect(calls).toEqual(['restore', 'show', 'focus'])
    expect(events).toEqual([['ui:openArticle', { id: 'abc_123' }]])
  })

  it('in the desktop app with no window: refused with a reason, nothing emitted', async () => {
    const events: unknown[] = []
    s = await setup(undefined, undefined, {
      showInApp: (id) => showArticle(null, id, (event, payload) => events.push([event, payload])),
    })
    const token = await pair(s)
    const r = await post(`${s.address}/capture/open`, { token, body: { id: 'abc_123' } })
    expect(r.json?.ok).toBe(false)
    expect(r.json?.error?.message).toMatch(/no window/)
    expect(events).toEqual([])
  })

  it('refuses an id that is not an article id, before showing anything', async () => {
    const { win, calls } = fakeWindow(false)
    s = await setup(undefined, undefined, { showInApp: (id) => showArticle(win, id, () => {}) })
    const token = await pair(s)
    for (const id of ['../x', '', 'a'.repeat(65), 42]) {
      const r = await post(`${s.address}/capture/open`, { token, body: { id } })
      expect(r.json?.error?.code, String(id)).toBe('INVALID_INPUT')
    }
    expect(calls).toEqual([])
  })
})
