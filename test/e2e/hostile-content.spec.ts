// Hostile content in the reader: payloads imported as text, and the same payloads written
// straight into stored bodies (a damaged archive, or an importer bug), must never run a
// script, load anything from the network, or navigate. Our own vectors run in every
// `npm test`; QUIRE_XSS_CORPUS=<path to DOMPurify's test/fixtures/expect.mjs> adds theirs.
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { test, expect } from './fixtures.ts'
import { PROJECT_ROOT } from './server.ts'
import { LibraryPage } from './pages/library-page.ts'

async function loadPayloads(): Promise<string[]> {
  const own = JSON.parse(
    await readFile(join(PROJECT_ROOT, 'test', 'fixtures', 'hostile', 'payloads.json'), 'utf8'),
  ) as string[]
  const corpus = process.env.QUIRE_XSS_CORPUS
  if (!corpus) return own
  const mod = (await import(pathToFileURL(corpus).href)) as { default: { payload: string }[] }
  return [...own, ...mod.default.map((v) => v.payload)]
}

/** A text article carrying the payload in its title, dek, byline and paragraphs. */
function hostileArticle(i: number, payload: string): string {
  const flat = payload.replace(/\s+/g, ' ')
  return [
    `Payload ${i} ${flat}`,
    `Dek ${flat}`,
    `By Mallory ${i} and ${flat.slice(0, 60)}`,
    `LONDON (Reuters) – ${payload}`,
    `Second paragraph ${payload}`,
  ].join('\n')
}

test('no hostile payload runs, loads or navigates in the reader', async ({
  page,
  appUrl,
  archiveDir,
}) => {
  test.setTimeout(300_000)
  const payloads = await loadPayloads()
  const origin = new URL(appUrl).origin
  const token = new URL(appUrl).hash.replace('#token=', '')

  const files = payloads.map((p, i) => ({
    name: `hostile-${i}.txt`,
    dataBase64: Buffer.from(hostileArticle(i, p)).toString('base64'),
  }))
  const res = await fetch(`${origin}/api/import:upload`, {
    method: 'POST',
    headers: { 'x-quire-token': token, 'content-type': 'application/json' },
    body: JSON.stringify({ files }),
  })
  const report = (await res.json()) as {
    ok: boolean
    value: { imported: number; duplicates: number; results: { status: string; id?: string }[] }
  }
  expect(report.ok).toBe(true)
  const ids = report.value.results.flatMap((r) => (r.status === 'imported' && r.id ? [r.id] : []))
  // Some corpus payloads are the same text once whitespace is folded: duplicates, not failures.
  expect(report.value.imported + report.value.duplicates).toBe(payloads.length)

  // Every other article's stored body becomes the raw payload HTML, as a hostile or damaged
  // archive could hold it; the reader must still show it inert.
  for (const [k, id] of ids.entries()) {
    if (k % 2 === 0) continue
    const raw = payloads[k] ?? payloads[0]!
    await writeFile(join(archiveDir, 'content', `${id}.html`), `<p>before</p>${raw}<p>after</p>`)
  }

  const events = { dialogs: 0, external: [] as string[], navigations: 0, pwned: 0 }
  page.on('dialog', (d) => {
    events.dialogs++
    void d.dismiss()
  })
  page.on('request', (r) => {
    const url = r.url()
    const ours =
      url.startsWith(`${origin}/`) &&
      /^\/(|index\.html|assets\/.*|api\/.*|favicon\.\w+)$/.test(new URL(url).pathname)
    if (!ours && !url.startsWith('data:')) events.external.push(url)
  })
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame() && new URL(frame.url()).pathname !== '/') events.navigations++
  })
  // Installed before the app's own scripts: any payload that reaches alert/confirm/prompt
  // counts. (globalThis: this folder compiles without the DOM lib.)
  await page.addInitScript(() => {
    const w = globalThis as unknown as {
      __pwned: number
      alert: () => void
      confirm: () => boolean
      prompt: () => null
    }
    w.__pwned = 0
    w.alert = () => void w.__pwned++
    w.confirm = () => (w.__pwned++, false)
    w.prompt = () => (w.__pwned++, null)
  })
  const library = new LibraryPage(page)
  await library.goto(appUrl)
  await library.viewButton('All articles').click()
  await expect(library.rows.first()).toBeVisible()

  let opened = 0
  // Row by row with the keyboard (j, Enter, Esc): moving down the list also loads its next
  // page, which clicking rows that are not loaded yet would not.
  await library.rows.first().click()
  await expect(page.getByRole('article')).toContainText(/Payload|before/)
  opened++
  for (let i = 1; i < ids.length; i++) {
    await page.keyboard.press('Escape')
    await page.keyboard.press('j')
    await expect(library.rows.nth(i)).toHaveAttribute('aria-selected', 'true')
    await page.keyboard.press('Enter')
    await expect(page.getByRole('article')).toContainText(/Payload|before/)
    opened++
  }
  events.pwned = await page.evaluate(() => (globalThis as unknown as { __pwned: number }).__pwned)
  const frames = page.frames().length
  console.log(
    `hostile content: ${payloads.length} payloads, ${opened} articles opened ` +
      `(${Math.ceil(ids.length / 2)} as escaped text, ${Math.floor(ids.length / 2)} as raw stored HTML): ` +
      `${events.pwned + events.dialogs} script executions, ${events.external.length} network requests, ` +
      `${events.navigations} navigations, ${frames - 1} frames`,
  )
  expect(events.pwned).toBe(0)
  expect(events.dialogs).toBe(0)
  expect(events.external).toEqual([])
  expect(events.navigations).toBe(0)
  expect(frames).toBe(1)
})
