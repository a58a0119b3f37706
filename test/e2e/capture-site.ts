// A small web site on 127.0.0.1 for the capture extension's journeys: an article drawn by
// script (part of it inside a closed shadow root), one shown only with a session cookie
// (its image too), and one whose images load lazily (data-src, srcset, loading=lazy).
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { makePng } from './local-site.ts'

export interface CaptureSite {
  base: string
  hits: string[]
  close(): Promise<void>
}

export const SCRIPTED = {
  title: 'Tidewater Mills Reopen After a Decade',
  first: 'The old tidewater mill on the estuary turned its wheel again on Saturday',
  shadow: 'Inside the mill house, volunteers had rebuilt the gears by hand',
  highlight: 'turned its wheel again',
}
export const MEMBERS = {
  title: 'Ledger of the Salt Merchants',
  first: 'Members of the salt guild opened their ledgers to the public for the first time',
  locked: 'Sign in to read this article',
}
export const LAZY = {
  title: 'Lantern Festival Lights the Harbour',
  first: 'Hundreds of paper lanterns drifted across the harbour on Sunday night',
}

const FILLER = [
  'Residents lined the quay to watch, and many said they had waited years to see the day come, bringing children and grandparents along to share it.',
  'Organisers thanked the volunteers who gave their weekends to the work, and said a small exhibition would stay open at the museum until the end of the month.',
  'The council said it would publish the accounts of the project in full, and invited anyone with old photographs of the site to bring them to the library.',
]

function shell(title: string, head: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} | Estuary Post</title>
<meta property="og:site_name" content="Estuary Post"><meta property="og:title" content="${title}">
${head}</head><body><nav><a href="/">Home</a> · <a href="/news">News</a></nav>${body}
<footer>© Estuary Post</footer></body></html>`
}

function paras(first: string): string {
  return [`${first}, according to those present.`, ...FILLER].map((p) => `<p>${p}</p>`).join('')
}

export async function startCaptureSite(): Promise<CaptureSite> {
  const red = makePng(40, 30, [190, 40, 40])
  const blue = makePng(48, 32, [40, 60, 190])
  const green = makePng(64, 40, [40, 150, 70])
  const hits: string[] = []
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    hits.push(url.pathname)
    const cookie = req.headers.cookie ?? ''
    const member = /(?:^|;\s*)session=reader-42(?:;|$)/.test(cookie)
    const html = (body: string) => {
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
      })
      res.end(body)
    }
    const png = (bytes: Buffer) => {
      res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'no-store' })
      res.end(bytes)
    }
    switch (url.pathname) {
      case '/scripted.html':
        // Nothing but a script: the article exists only after it runs.
        return html(
          shell(
            SCRIPTED.title,
            '',
            `<main id="root"></main><script>
customElements.define('mill-note', class extends HTMLElement {
  constructor() { super(); const r = this.attachShadow({ mode: 'closed' });
    r.innerHTML = '<p>${SCRIPTED.shadow}, working from drawings found in the parish archive. <slot></slot></p>' }
})
setTimeout(() => {
  const paras = ${JSON.stringify([`${SCRIPTED.first}, according to those present.`, ...FILLER])}
  document.getElementById('root').innerHTML = '<article><h1>${SCRIPTED.title}</h1><p class="byline">By Wren Harrow</p>'
    + paras.map((p) => '<p>' + p + '</p>').join('')
    + '<figure><img src="/img/mill.png" alt="The mill wheel" width="40" height="30"><figcaption>The mill wheel</figcaption></figure>'
    + '<mill-note><em>The miller thanked them all.</em></mill-note></article>'
}, 150)
</script>`,
          ),
        )
      case '/img/mill.png':
        return png(red)
      case '/login':
        res.writeHead(302, {
          'set-cookie': 'session=reader-42; Path=/; HttpOnly; SameSite=Lax',
          location: '/members.html',
        })
        return res.end()
      case '/members.html':
        return html(
          shell(
            MEMBERS.title,
            '',
            member
              ? `<article><h1>${MEMBERS.title}</h1><p class="byline">By Tam Oakes</p>${paras(MEMBERS.first)}<img src="/members/ledger.png" alt="A ledger page" width="48" height="32"></article>`
              : `<div class="paywall"><p>${MEMBERS.locked}.</p></div>`,
          ),
        )
      case '/members/ledger.png':
        if (!member) {
          res.writeHead(403, { 'content-type': 'text/plain' })
          return res.end('members only')
        }
        return png(blue)
      case '/lazy.html':
        return html(
          shell(
            LAZY.title,
            '',
            `<article><h1>${LAZY.title}</h1>${paras(LAZY.first)}
<div style="height: 3000px"></div>
<img class="lazy" src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7" data-src="/img/lantern-1.png" alt="Lanterns on the water" width="40" height="30">
<img loading="lazy" src="/img/lantern-2.png" alt="The harbour at night" width="48" height="32">
<img src="/img/blank.gif" data-srcset="/img/lantern-small.png 320w, /img/lantern-3.png 1280w" alt="Crowds on the quay" width="64" height="40">
<p>${FILLER[0]}</p></article>`,
          ),
        )
      case '/img/lantern-1.png':
        return png(red)
      case '/img/lantern-2.png':
        return png(blue)
      case '/img/lantern-3.png':
        return png(green)
      default:
        res.writeHead(404, { 'content-type': 'text/plain' })
        res.end('not found')
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    base: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
