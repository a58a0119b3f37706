// The title rules on small hand-written pages: kickers set on their own line inside the
// headline are not part of it.
import { describe, expect, it } from 'vitest'
import { extractPageMetadata } from '../../../../../../main/archive/import/html/page-metadata.ts'

const page = (head: string, body: string) =>
  extractPageMetadata(
    new TextEncoder().encode(
      `<!doctype html><html><head>${head}</head><body>${body}</body></html>`,
    ),
  )

describe('headline kickers', () => {
  it('drops a <small> or a first element followed by <br> from the headline', () => {
    expect(
      page('', '<h1> <small>Tunesien</small><br> Große Aufgaben für die Regierung</h1>').title,
    ).toBe('Große Aufgaben für die Regierung')
    expect(page('', '<h1><span>Paris</span><br>Getränke per Schiff</h1>').title).toBe(
      'Getränke per Schiff',
    )
  })

  it('drops a kicker named by its class', () => {
    expect(
      page('', '<h1><span class="highline">Kind krank</span> Was Arbeitgeber wissen müssen</h1>')
        .title,
    ).toBe('Was Arbeitgeber wissen müssen')
  })

  it('keeps words set in an element inside the headline', () => {
    expect(page('', '<h1><em>Metroid</em> returns after ten years</h1>').title).toBe(
      'Metroid returns after ten years',
    )
    expect(page('', '<h1>Text before <small>small print</small> after</h1>').title).toBe(
      'Text before small print after',
    )
  })
})

describe('headings readers never see', () => {
  it('skips screen-reader headings and labels inside the headline', () => {
    expect(
      page(
        '<meta property="og:title" content="Auf das erste Elektron kommt es an">',
        '<h1 class="header pagetitle hidden">News</h1><h1>Auf das erste Elektron kommt es an</h1>',
      ).title,
    ).toBe('Auf das erste Elektron kommt es an')
    expect(
      page(
        '',
        '<h1 class="sr-only">Navigation</h1><h1><span class="visuallyhidden">Headline:</span> Energiewende</h1>',
      ).title,
    ).toBe('Energiewende')
  })

  it('drops soft hyphens and zero-width characters from the title', () => {
    expect(page('', '<h1>Mes\u00adsen\u00adger sind kein Raum\u200b</h1>').title).toBe(
      'Messenger sind kein Raum',
    )
  })
})
