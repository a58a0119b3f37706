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

describe('the site’s name beside the headline', () => {
  it('takes a heading that ends the <title> as the site’s logo, and strips it from the title', () => {
    expect(
      page(
        '<title>Rhubarb Crumble : Garden Recipes</title>',
        '<h1>Garden Recipes</h1><div><p>Cut the stalks.</p></div>',
      ).title,
    ).toBe('Rhubarb Crumble')
  })

  it('keeps a headline that ends the <title> after a short section name', () => {
    expect(
      page(
        '<title>Petition : Save the old town library</title>',
        '<h1>Save the old town library</h1>',
      ).title,
    ).toBe('Save the old town library')
  })

  it('drops WordPress’s "Blog Archive" segment', () => {
    expect(page('<title>Blog Archive » Moving to a new host</title>', '').title).toBe(
      'Moving to a new host',
    )
  })
})

describe('a headline against the stated title', () => {
  it('leaves out an unmarked kicker before the stated title', () => {
    expect(
      page(
        '<meta property="og:title" content="Retention of title: what buyers should know">',
        '<h1><span>Avoid losses</span> Retention of title: what buyers should know</h1>',
      ).title,
    ).toBe('Retention of title: what buyers should know')
  })

  it('prefers the visible headline when the stated title rewords it', () => {
    expect(
      page(
        '<meta property="og:title" content="Decanting wine: everything summed up">',
        '<h1>Decanting wine: everything about a special step</h1><h2>Sign up now</h2>',
      ).title,
    ).toBe('Decanting wine: everything about a special step')
  })

  it('keeps the stated title when the headings are about something else', () => {
    expect(
      page(
        '<meta property="og:title" content="Water levels rise along the coast">',
        '<h1>Fan Feed</h1><h1>More stories</h1>',
      ).title,
    ).toBe('Water levels rise along the coast')
  })
})

describe('headings that are not the page’s', () => {
  it('skips a heading in a modal, a pop-up or a hidden box', () => {
    const head = '<title>Parlament vertagt Votum | Beispiel.de</title>'
    expect(
      page(
        head,
        '<div class="m-modal-overlay is-hidden"><div class="headline">Wir haben Neues für Sie!</div></div>',
      ).title,
    ).toBe('Parlament vertagt Votum')
    expect(
      page(head, '<div role="dialog"><h1>Newsletter abonnieren</h1></div><p>Text</p>').title,
    ).toBe('Parlament vertagt Votum')
  })

  it('reads the headline inside content a page also calls "sidebar"', () => {
    const m = page(
      '<title>Expertinnen in der Krise | Blog</title>',
      '<div class="site-content content-area" id="sidebar"><h1 class="entry-title">Expertinnen in der Krise</h1></div>' +
        '<div class="popup-newsletter"><h1>While you are here…</h1></div>',
    )
    expect(m.title).toBe('Expertinnen in der Krise')
  })
})

describe('dates before the headline', () => {
  it('drops a full date set before the headline with a separator', () => {
    expect(page('', '<h1>23.01.2022 - Wierer darf noch jubeln</h1>').title).toBe(
      'Wierer darf noch jubeln',
    )
    expect(page('<title>2024-06-25 | Neue Regeln für alle</title>', '').title).toBe(
      'Neue Regeln für alle',
    )
  })

  it('keeps a date that is part of the headline’s words', () => {
    expect(page('', '<h1>30.11. | Buch der Woche</h1>').title).toBe('30.11. | Buch der Woche')
    expect(page('', '<h1>1.1.2022 war ein ruhiger Tag</h1>').title).toBe(
      '1.1.2022 war ein ruhiger Tag',
    )
  })
})
