// Body text beyond Readability's first pick: stray NUL bytes, consent banners that Readability
// would take for the article, and pages where it picks the wrong block.
import { describe, expect, it } from 'vitest'
import { extractHtml } from '../../../../../../main/archive/import/html/extract-html.ts'
import { parseDocument } from '../../../../../../main/archive/import/html/dom.ts'
import { loadLinkedom } from '../../../../../../main/archive/import/html/linkedom-runtime.ts'
import { missesGoodText } from '../../../../../../main/archive/import/html/article-body.ts'
import { stripOverlays } from '../../../../../../main/archive/import/html/strip-overlays.ts'
import { goodBlocks, pageBlocks } from '../../../../../../main/archive/import/html/good-blocks.ts'

await loadLinkedom()

const enc = (s: string) => new TextEncoder().encode(s)
const page = (body: string) =>
  `<!doctype html><html><head><title>A page</title></head><body>${body}</body></html>`
const prose = (topic: string, n = 3) =>
  Array.from(
    { length: n },
    (_, i) =>
      `<p>The ${topic} committee met again on day ${i + 1}, and its members argued at length about ` +
      `the budget, the timetable and the people who would carry the work through the winter.</p>`,
  ).join('')

describe('extractHtml body recovery', () => {
  it('reads a page that carries a few stray NUL bytes', () => {
    const html = page(`<article>${prose('harbour')}<div>\u0000\u0000\u0000</div></article>`)
    const a = extractHtml(enc(html))
    expect(a.paragraphs.join('\n')).toContain('The harbour committee met again on day 3')
    expect(a.paragraphs.join('\n')).not.toContain('\u0000')
  })

  it('removes a cookie notice before Readability reads the page', () => {
    const notice =
      '<div class="widget widget_eu_cookie_law_widget"><p id="eu-cookie-law">' +
      'Privacy and cookies: this site uses cookies. <a href="/cookies">Cookie policy</a></p></div>'
    const footer = `<footer>${'Archive, about, contact and the other links of a blog. '.repeat(4)}</footer>`
    const doc = parseDocument(
      page(`<div class="entry"><p>I went to the sea.</p></div>${notice}${footer}`),
    )
    stripOverlays(doc)
    expect(doc.querySelector('body')?.textContent).toContain('I went to the sea.')
    expect(doc.querySelector('body')?.textContent).not.toMatch(/cookie/i)
  })

  it('keeps a recipe block whose class names cookies but says nothing of consent', () => {
    const recipe = `<div class="cookie-dough">${prose('baking')}</div>`
    const a = extractHtml(enc(page(recipe)))
    expect(a.paragraphs.join('\n')).toContain('The baking committee met again on day 2')
  })

  it('leaves out a modal dialog', () => {
    const dialog =
      '<div role="dialog" aria-modal="true"><p>Sign in to your account to keep reading and to ' +
      'save the stories you like for later, on every device you own, at no cost at all.</p></div>'
    const a = extractHtml(enc(page(`<article>${prose('river')}</article>${dialog}`)))
    expect(a.paragraphs.join('\n')).not.toContain('Sign in to your account')
  })

  it("takes the page's prose when Readability picks a table of names", () => {
    const names = Array.from({ length: 60 }, (_, i) => `Firstname${i} Lastname${i}, University`)
    const table = `<table><tr><td>${names.slice(0, 30).join(' ')}</td><td>${names
      .slice(30)
      .join(' ')}</td></tr></table>`
    const letter = `<div class="intro">${prose('open letter')}</div>`
    const a = extractHtml(enc(page(`<div>${letter}</div><div class="signatories">${table}</div>`)))
    expect(a.paragraphs.join('\n')).toContain('The open letter committee met again on day 2')
  })
})

describe('missesGoodText', () => {
  const view = {
    good: ['Prose of the article, long enough. '.repeat(10), 'A comment, also prose. '.repeat(20)],
    prose: ['Prose of the article, long enough. '.repeat(10), 'A comment, also prose. '.repeat(20)],
    boilerplate: ['Jane Roe John Doe Richard Roe Mary Major'],
  }

  it('overrules a pick that holds little of the good text and is not prose', () => {
    expect(missesGoodText(['Jane Roe John Doe Richard Roe Mary Major'], view)).toBe(true)
  })

  it('keeps a pick of short lines, such as captions, that are no evidence either way', () => {
    expect(missesGoodText(['A photo.', 'Another photo of the lake.'], view)).toBe(false)
  })

  it('keeps a pick of prose even when it holds little of the good text', () => {
    expect(missesGoodText(['Prose of the article, long enough. '.repeat(10)], view)).toBe(false)
  })

  it('never overrules on a page with little good text', () => {
    expect(
      missesGoodText(['Jane Roe'], {
        good: ['Short prose. '],
        prose: ['Short prose. '],
        boilerplate: [],
      }),
    ).toBe(false)
  })
})

describe('pageBlocks and goodBlocks', () => {
  it('classes blocks by length, links and function words, then by their neighbours', () => {
    const doc = parseDocument(
      page(
        `<nav><a href="/">Home</a></nav><h2>Heading</h2>${prose('water', 2)}` +
          '<p>Short line.</p>' +
          prose('forest', 1) +
          '<p><a href="/a">A link that is long enough to be judged on its own words</a> and a bit</p>' +
          '<div>Text beside a block<p>and the block itself, which is a paragraph of some length ' +
          'with a sentence in it.</p></div>',
      ),
    )
    const blocks = pageBlocks(doc)
    const kinds = blocks.map((b) => `${b.kind}:${b.text.slice(0, 12)}`)
    expect(kinds).toEqual([
      'short:Heading',
      'good:The water co',
      'good:The water co',
      'short:Short line.',
      'good:The forest c',
      'bad:A link that ',
      'short:Text beside ',
      'good:and the bloc',
    ])
    const good = goodBlocks(blocks).map((b) => b.text.slice(0, 12))
    expect(good).toEqual(['Heading', 'The water co', 'The water co', 'Short line.', 'The forest c'])
  })
})
