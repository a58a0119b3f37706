// Hostile content in the reader: payloads imported through every importer that carries text
// or HTML (plain text, saved pages, Markdown notes, feeds, Wallabag exports), the same
// payloads as article notes, and written straight into stored bodies (a damaged archive, or
// an importer bug), must never run a script, load anything from the network, or navigate.
// Our own vectors run in every `npm test`; QUIRE_XSS_CORPUS=<path to DOMPurify's
// test/fixtures/expect.mjs> adds theirs.
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

/** Enough ordinary prose around a payload for Readability to take the page as an article. */
const PROSE =
  'The committee met on Tuesday to review the harbour plans, and members asked for more time. '.repeat(
    4,
  )

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** The same payloads as files for every importer that keeps text or HTML. */
function hostileFiles(payloads: string[]): { name: string; text: string }[] {
  const files: { name: string; text: string }[] = []
  payloads.forEach((p, i) => {
    files.push({ name: `hostile-${i}.txt`, text: hostileArticle(i, p) })
    files.push({
      name: `hostile-${i}.html`,
      text: `<!doctype html><html><head><title>Page ${i} ${escapeXml(p)}</title></head><body><article><h1>Page ${i}</h1><p>${PROSE}</p>${p}<p>${PROSE}</p></article></body></html>`,
    })
    files.push({
      name: `hostile-${i}.md`,
      text: `---\ntitle: "Note ${i}"\n---\n\n${PROSE}\n\n${p}\n\n[link](${p.slice(0, 40).replace(/[()\s]/g, '')})\n`,
    })
  })
  const items = payloads
    .map(
      (p, i) =>
        `<item><title>Item ${i}</title><link>https://example.com/item/${i}</link><guid>h${i}</guid><description>${escapeXml(`<p>${PROSE}</p>${p}`)}</description><content:encoded>${escapeXml(`<p>${PROSE}</p>${p}<p>${PROSE}</p>`)}</content:encoded></item>`,
    )
    .join('')
  files.push({
    name: 'hostile-feed.rss',
    text: `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Hostile feed</title><link>https://example.com/</link>${items}</channel></rss>`,
  })
  files.push({
    name: 'hostile-wallabag.json',
    text: JSON.stringify(
      payloads.map((p, i) => ({
        is_archived: 0,
        is_starred: 0,
        id: i + 1,
        title: `Wallabag ${i}`,
        url: `https://example.org/w/${i}`,
        content: `<p>${PROSE}</p>${p}<p>${PROSE}</p>`,
        created_at: '2020-01-01T00:00:00+0000',
        tags: [],
        annotations: [],
      })),
    ),
  })
  return files
}

test('no hostile payload runs, loads or navigates in the reader', async ({
  page,
  appUrl,
  archiveDir,
}) => {
  test.setTimeout(process.env.QUIRE_XSS_CORPUS ? 1_800_000 : 300_000)
  const payloads = await loadPayloads()
  const origin = new URL(appUrl).origin
  const token = new URL(appUrl).hash.replace('#token=', '')
  const call = async (op: string, input: unknown) => {
    const res = await fetch(`${origin}/api/${op}`, {
      method: 'POST',
      headers: { 'x-quire-token': token, 'content-type': 'application/json' },
      body: JSON.stringify(input),
    })
    return (await res.json()) as { ok: boolean; value: unknown; error?: unknown }
  }

  const files = hostileFiles(payloads).map((f) => ({
    name: f.name,
    dataBase64: Buffer.from(f.text).toString('base64'),
  }))
  const report = (await call('import:upload', { files })) as {
    ok: boolean
    value: {
      imported: number
      duplicates: number
      failed: number
      results: { status: string; id?: string; source: string; error?: { message: string } }[]
    }
  }
  expect(report.ok).toBe(true)
  const ids = report.value.results.flatMap((r) => (r.status === 'imported' && r.id ? [r.id] : []))
  // A payload may leave a page with no article text (refused, clearly) or fold into the same
  // text as another one (a duplicate); what is imported must be inert.
  const failures = report.value.results.filter((r) => r.status === 'failed')
  for (const f of failures) expect(f.error?.message, f.source).toMatch(/\w/)
  expect(ids.length).toBeGreaterThan(payloads.length * 4)

  // Every third article gets the payload as its note (Markdown, rendered in the sidebar).
  for (const [k, id] of ids.entries()) {
    if (k % 3 !== 0) continue
    const note = await call('articles:setNote', { id, note: payloads[k % payloads.length]! })
    expect(note.ok).toBe(true)
  }

  // Every fifth article's stored body becomes the raw payload HTML, as a hostile or damaged
  // archive could hold it; the reader must still show it inert.
  for (const [k, id] of ids.entries()) {
    if (k % 5 !== 4) continue
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
    if (!ours && !url.startsWith('data:') && !url.startsWith('blob:')) events.external.push(url)
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
  await expect(page.getByRole('article')).toContainText(/\w/)
  opened++
  for (let i = 1; i < ids.length; i++) {
    await page.keyboard.press('Escape')
    await page.keyboard.press('j')
    await expect(library.rowAt(i)).toHaveAttribute('aria-selected', 'true')
    await page.keyboard.press('Enter')
    await expect(page.getByRole('article')).toContainText(/\w/)
    opened++
  }
  events.pwned = await page.evaluate(() => (globalThis as unknown as { __pwned: number }).__pwned)
  const frames = page.frames().length
  console.log(
    `hostile content: ${payloads.length} payloads, ${opened} articles opened ` +
      `through 5 importers (${failures.length} files refused with a reason), ` +
      `${Math.ceil(ids.length / 3)} with the payload as note, ${Math.floor(ids.length / 5)} as raw stored HTML: ` +
      `${events.pwned + events.dialogs} script executions, ${events.external.length} network requests, ` +
      `${events.navigations} navigations, ${frames - 1} frames`,
  )
  expect(events.pwned).toBe(0)
  expect(events.dialogs).toBe(0)
  expect(events.external).toEqual([])
  expect(events.navigations).toBe(0)
  expect(frames).toBe(1)
})
