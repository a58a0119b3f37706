// The desktop app runs the browser extension's capture endpoint too: the pairing dialog's
// code (over IPC) pairs an extension, whose capture lands in the app's archive; quitting
// closes the endpoint.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { startDesktop, stopListeningForSignals } from './helpers/desktop-harness.ts'

vi.mock('electron', () => import('./fake-electron.ts'))
vi.mock('electron-store', async () => {
  const { default: Conf } = await import('conf')
  class Store extends Conf<Record<string, unknown>> {
    constructor({ name, ...rest }: { name?: string; cwd: string }) {
      super({ ...rest, configName: name ?? 'config' })
    }
  }
  return { default: Store }
})

const fake = await import('./fake-electron.ts')
const ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop'

afterEach(() => {
  stopListeningForSignals()
  fake.resetStandIn()
})

async function post(url: string, body: unknown, token?: string) {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      origin: ORIGIN,
      'content-type': 'application/json',
      ...(token ? { 'x-quire-token': token } : {}),
    },
    body: JSON.stringify(body),
  })
  return { status: res.status, json: (await res.json()) as { ok: boolean; value?: unknown } }
}

describe('the desktop app’s capture endpoint', () => {
  it('pairs with the dialog’s code, takes a capture, and closes on quit', async () => {
    const d = await startDesktop()
    const { code, address } = await d.client.call('capture:pairingCode', {})
    expect(address).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const paired = await post(`${address}/capture/pair`, { code })
    const token = (paired.json.value as { token: string }).token
    const paras = Array.from(
      { length: 4 },
      (_, i) =>
        `<p>Paragraph ${i} of a story about the ferry timetable, long enough to be read as an article by the importer and kept.</p>`,
    ).join('')
    const saved = await post(
      `${address}/capture/save`,
      {
        key: 'desktop-capture-0001',
        url: 'https://news.example/ferry',
        html: `<html><head><title>Ferry timetable</title></head><body><article><h1>Ferry timetable</h1>${paras}</article></body></html>`,
      },
      token,
    )
    expect(saved.json).toMatchObject({ ok: true, value: { status: 'imported' } })
    expect(d.running.service.captures.findByAddress(['https://news.example/ferry'])).not.toBeNull()
    fake.app.quit()
    expect(await fake.app.whenEnded()).toBe(0)
    await expect(post(`${address}/capture/status`, {}, token)).rejects.toThrow()
  })
})
