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
