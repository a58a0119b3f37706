// A small web site on 127.0.0.1 for the web-import and feed journeys: an article page with an
// image, an RSS feed with a full item and a summary-only one, the summary's page, a page whose
// text changes (to make a second version), and an OPML list. Started inside each test.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { deflateSync } from 'node:zlib'

export interface LocalSite {
  base: string
  /** Every path the site was asked for, in order (to check the app fetched what it said). */
  hits: string[]
  /** Changes the text of /saved-story.html, as a site updating a story would. */
  setSavedEdition(edition: 1 | 2): void
  close(): Promise<void>
}

export const STORY = {
  title: 'The Lighthouse Keeper’s Ledger',
  firstLine: 'For forty-one winters the keeper of Skerry Point wrote down every ship',
}
/** A page whose og:image is not in its body, and one whose only picture is in its body. */
export const LEAD_STORY = {
  title: 'Storm Surge Tests the New Sea Wall',
  line: 'The new sea wall at Skerry Point held back its first winter storm surge on Sunday',
}
export const PHOTO_STORY = {
  title: 'Puffins Return Early to the Outer Stacks',
  line: 'Wardens on the outer stacks counted the first puffins of the year a fortnight early',
}
export const FULL_ITEM = {
  title: 'Harbour Council Votes to Restore the Old Pier',
  line: 'The harbour council voted on Tuesday evening to restore the old timber pier',
}
export const SUMMARY_ITEM = {
  title: 'Fishermen Count a Record Mackerel Season',
  line: 'Boats from the north quay landed more mackerel this autumn than in any year',
}
export const SAVED = {
  title: 'Night Ferries Return to the Sound',
  edition1: 'The first night ferry in nine years crossed the sound on Friday',
  edition2: 'Updated: the night ferry timetable was extended to the weekends',
}

function crc32(bytes: Uint8Array): number {
  let c = ~0
  for (const b of bytes) {
    c ^= b
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1
  }
  return ~c >>> 0
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'latin1')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0)
  return Buffer.concat([head, data, crc])
}

/** A 24×16 PNG in one colour, made here so no image file is committed. */
export function makePng(width = 24, height = 16, rgb: [number, number, number] = [176, 69, 42]) {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr.set([8, 2, 0, 0, 0], 8)
  const row = Buffer.alloc(1 + width * 3)
  for (let x = 0; x < width; x++) row.set(rgb, 1 + x * 3)
  const raw = Buffer.concat(Array.from({ length: height }, () => row))
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array()),
  ])
}

function paragraphs(first: string, topic: string): string {
  const more = [
    `Residents who gathered to hear the ${topic} news said they had waited a long time for it, and several brought notes and photographs from earlier years to show the reporters present.`,
    `Officials said the work would be paid for from the regional fund, with the first stage planned for the spring and a second stage to follow once the weather allows crews to work safely.`,
    `Historians at the town museum said records of the ${topic} go back more than a century, and that the ledgers, letters and logbooks kept in the archive tell a story of steady change.`,
    `Not everyone agreed. A few speakers asked whether the money might be better spent elsewhere, but the meeting ended with broad support and a promise to publish the full plans next month.`,
  ]
  return [`${first}, according to the records.`, ...more].map((p) => `<p>${p}</p>`).join('\n')
}

function page(title: string, body: string, extra = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<meta property="og:site_name" content="Skerry Gazette"></head><body>
<nav><a href="/">Home</a> · <a href="/news">News</a></nav>
<article><h1>${title}</h1><p class="byline">By Ada Quill</p>${extra}${body}</article>
<footer>© Skerry Gazette</footer></body></html>`
}

/** `port`: listen on this one (a site coming back where it was); by default any free port. */
export async function startLocalSite(opts: { port?: number } = {}): Promise<LocalSite> {
  const png = makePng()
  const lead = makePng(320, 200, [40, 110, 170])
  const inline = makePng(300, 180, [90, 150, 80])
  const puffins = makePng(400, 240, [200, 150, 40])
  const hits: string[] = []
  let edition: 1 | 2 = 1
  let base = ''
  const routes = (path: string): [string, string | Buffer] | undefined => {
    if (path === '/story.html')
      return [
        'text/html; charset=utf-8',
        page(
          STORY.title,
          paragraphs(STORY.firstLine, 'lighthouse'),
          '<figure><img src="/pic.png" alt="The lighthouse at dusk" width="24" height="16"><figcaption>The lighthouse at dusk</figcaption></figure>',
        ),
      ]
    if (path === '/pic.png') return ['image/png', png]
    if (path === '/lead.png') return ['image/png', lead]
    if (path === '/inline.png') return ['image/png', inline]
    if (path === '/puffins.png') return ['image/png', puffins]
    if (path === '/lead-story.html')
      return [
        'text/html; charset=utf-8',
        page(
          LEAD_STORY.title,
          paragraphs(LEAD_STORY.line, 'sea wall'),
          '<figure><img src="/inline.png" alt="Waves on the wall"></figure>',
        ).replace('</head>', `<meta property="og:image" content="${base}/lead.png"></head>`),
      ]
    if (path === '/photo-story.html')
      return [
        'text/html; charset=utf-8',
        page(
          PHOTO_STORY.title,
          paragraphs(PHOTO_STORY.line, 'puffin'),
          '<figure><img src="/puffins.png" alt="Puffins on a ledge"></figure>',
        ),
      ]
    if (path === '/mackerel.html')
      return [
        'text/html; charset=utf-8',
        page(SUMMARY_ITEM.title, paragraphs(SUMMARY_ITEM.line, 'mackerel')),
      ]
    if (path === '/saved-story.html')
      return [
        'text/html; charset=utf-8',
        page(SAVED.title, paragraphs(edition === 1 ? SAVED.edition1 : SAVED.edition2, 'ferry')),
      ]
    if (path === '/feed.xml')
      return [
        'application/rss+xml; charset=utf-8',
        `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Skerry Gazette</title><link>${base}/</link><description>Local news</description>
<item><title>${FULL_ITEM.title}</title><link>${base}/pier.html</link><guid>pier-1</guid>
<pubDate>Tue, 04 Nov 2025 18:00:00 GMT</pubDate>
<content:encoded><![CDATA[${paragraphs(FULL_ITEM.line, 'pier')}]]></content:encoded></item>
<item><title>${SUMMARY_ITEM.title}</title><link>${base}/mackerel.html</link><guid>mackerel-1</guid>
<pubDate>Wed, 05 Nov 2025 08:00:00 GMT</pubDate>
<description>A record season on the north quay.</description></item>
</channel></rss>`,
      ]
    if (path === '/not-a-feed.html')
      return ['text/html; charset=utf-8', page('Just a page', paragraphs('Nothing to see', 'page'))]
    if (path === '/feeds.opml')
      return [
        'text/x-opml; charset=utf-8',
        `<?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head><body>
<outline text="Skerry Gazette" type="rss" xmlUrl="${base}/feed.xml" htmlUrl="${base}/"/>
<outline text="Second Paper" type="rss" xmlUrl="${base}/second.xml"/>
</body></opml>`,
      ]
    return undefined
  }
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    hits.push(path)
    const found = routes(path)
    if (!found) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found')
      return
    }
    res.writeHead(200, { 'content-type': found[0], 'cache-control': 'no-store' }).end(found[1])
  })
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    base,
    hits,
    setSavedEdition: (n) => (edition = n),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
