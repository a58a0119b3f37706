// More author and date rules on small hand-written pages: layout classes that do not make a
// region "elsewhere", bylines whose label carries a separator, and the other rules added with
// them (one describe each).
import { describe, expect, it } from 'vitest'
import { extractPageMetadata } from '../../../../../../main/archive/import/html/page-metadata.ts'

const page = (head: string, body: string) =>
  extractPageMetadata(
    new TextEncoder().encode(
      `<!doctype html><html><head>${head}</head><body>${body}</body></html>`,
    ),
  )

describe('layout classes on the page wrapper', () => {
  it('reads the byline and the date inside a wrapper marked "with-navigation"', () => {
    const m = page(
      '',
      '<div id="main" class="clearfix with-navigation"><h1>X</h1>' +
        '<div class="byline">Par <a href="/p/1">Jeanne Exemple</a></div>' +
        '<div class="date">le 7 mai 2020</div><p>Texte.</p></div>' +
        '<div class="navigation"><span class="date">12 octobre 2020</span></div>',
    )
    expect(m.authors).toEqual(['Jeanne Exemple'])
    expect(m.publishedAt?.slice(0, 10)).toBe('2020-05-07')
  })

  it('still leaves out a region named as navigation', () => {
    const m = page('', '<div class="main-navigation"><div class="byline">By Ann Lee</div></div>')
    expect(m.authors).toEqual([])
  })
})

describe('labels with a separator', () => {
  it('reads the name after a "| By" label element', () => {
    const m = page(
      '',
      '<h1>X</h1><div class="meta"><span class="sr">| By </span> <span>Cara Beispiel</span> | ' +
        '<time>April 13, 2020</time></div>',
    )
    expect(m.authors).toEqual(['Cara Beispiel'])
  })
})
