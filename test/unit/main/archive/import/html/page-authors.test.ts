// The author rules on small hand-written pages: JSON-LD references, the bylines pages show
// as text, and what is an organisation rather than a person.
import { describe, expect, it } from 'vitest'
import { extractPageMetadata } from '../../../../../../main/archive/import/html/page-metadata.ts'

const page = (head: string, body: string) =>
  extractPageMetadata(
    new TextEncoder().encode(
      `<!doctype html><html><head>${head}</head><body>${body}</body></html>`,
    ),
  )
const ld = (json: unknown) => `<script type="application/ld+json">${JSON.stringify(json)}</script>`

describe('authors from JSON-LD', () => {
  it('follows an author given as an @id reference to a Person elsewhere in the graph', () => {
    const m = page(
      ld({
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'Article', headline: 'X', author: { '@id': 'https://a.example/#/person/1' } },
          {
            '@type': ['Person', 'Organization'],
            '@id': 'https://a.example/#/person/1',
            name: 'Ann Lee',
          },
        ],
      }),
      '<h1>X</h1>',
    )
    expect(m.authors).toEqual(['Ann Lee'])
  })

  it('keeps a referenced Organization apart from the people', () => {
    const m = page(
      ld({
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'Article', headline: 'X', author: [{ '@id': '#org' }] },
          { '@type': 'Organization', '@id': '#org', name: 'Acme Research' },
        ],
      }),
      '<h1>X</h1>',
    )
    expect(m.authors).toEqual([])
    expect(m.organizations).toEqual(['Acme Research'])
  })

  it('ignores a reference that leads nowhere', () => {
    const m = page(
      ld({ '@type': 'Article', headline: 'X', author: { '@id': '#gone' } }),
      '<h1>X</h1>',
    )
    expect(m.authors).toEqual([])
  })
})

describe('bylines the page shows as a line of text', () => {
  it('reads the name after "By", "von", "Redaktion:" up to a separator, a date or "am"', () => {
    expect(page('', '<h1>X</h1><h4>By Giovanni Gaggero | 12/10/2020</h4>').authors).toEqual([
      'Giovanni Gaggero',
    ])
    expect(
      page('', '<h1>X</h1><span class="teaser-cat"> von Andreas Kürten </span>').authors,
    ).toEqual(['Andreas Kürten'])
    expect(
      page('', '<div>05.02.2020 <span>Redaktion: Eva Fuhr (Pressesprecherin)</span></div>').authors,
    ).toEqual(['Eva Fuhr'])
    expect(page('', '<div class="meta">Von R. R. am 3. Mai 2019</div>').authors).toEqual(['R. R.'])
  })

  it('reads a labelled name in the next element', () => {
    expect(
      page('', '<div>Ein Artikel von <strong>Pamela Sladky</strong> | 27.01.2022</div>').authors,
    ).toEqual(['Pamela Sladky'])
  })

  it('never reads prose or a lower-case phrase as a byline', () => {
    expect(page('', '<div>Von Montag an gilt die neue Regel</div>').authors).toEqual([])
    expect(page('', '<div>by the way, nothing here</div>').authors).toEqual([])
    expect(
      page('', '<div class="comments"><div>By Ann Lee | 12/10/2020</div></div>').authors,
    ).toEqual([])
  })

  it('takes no label or reading time for a name', () => {
    const m = page('', '<div class="author">Datum</div><div class="byline">ca. 8 Min.</div>')
    expect(m.authors).toEqual([])
  })
})

describe('people and organisations', () => {
  it('keeps a blogger who publishes under their own name among the people', () => {
    const m = page(
      ld({
        '@context': 'https://schema.org',
        '@graph': [
          {
            '@type': 'BlogPosting',
            headline: 'X',
            author: { '@id': '#me' },
            publisher: { '@id': '#me' },
          },
          { '@type': ['Person', 'Organization'], '@id': '#me', name: 'Chris Hein' },
        ],
      }),
      '<h1>X</h1>',
    )
    expect(m.authors).toEqual(['Chris Hein'])
  })

  it('files "Redaktion" alone as the newsroom, an organisation', () => {
    const m = page('<meta name="author" content="Redaktion">', '<h1>X</h1>')
    expect(m.authors).toEqual([])
    expect(m.organizations).toEqual(['Redaktion'])
  })
})

describe('more places pages state their writer', () => {
  it('reads the writer SEO plugins state as twitter:label/twitter:data', () => {
    const m = page(
      '<meta name="twitter:label1" content="Verfasst von"><meta name="twitter:data1" content="Karoline Herr"><meta name="twitter:label2" content="Geschätzte Lesezeit"><meta name="twitter:data2" content="4 Minuten">',
      '<h1>X</h1>',
    )
    expect(m.authors).toEqual(['Karoline Herr'])
  })

  it('reads a paragraph that is only a byline, not prose that starts like one', () => {
    expect(page('', '<p><i>von Daniela Obers</i></p><p>Text</p>').authors).toEqual([
      'Daniela Obers',
    ])
    expect(
      page('', '<p>Von Angela Merkel, der früheren Kanzlerin, stammt dieser Satz über Europa.</p>')
        .authors,
    ).toEqual([])
  })

  it('reads a labelled author line at the end of the article', () => {
    expect(
      page(
        '',
        '<p>Text.</p><p><strong>Autorin: Uta Staschewski, Projektleiterin in Tunis.</strong></p>',
      ).authors,
    ).toEqual(['Uta Staschewski'])
  })

  it('files a credit that starts with the newsroom as an organisation', () => {
    const m = page('<meta name="author" content="Redaktion Polizeiticker Schweiz">', '<h1>X</h1>')
    expect(m.authors).toEqual([])
    expect(m.organizations).toEqual(['Redaktion Polizeiticker Schweiz'])
  })

  it('drops a social handle after the name', () => {
    expect(page('<meta name="author" content="Williams Perdomo @wperdomod">', '').authors).toEqual([
      'Williams Perdomo',
    ])
  })
})

describe('site-branded bylines', () => {
  it('drops the site name set beside the writer with a dash or a bar', () => {
    const m = page(
      '<meta property="og:site_name" content="unocero"><meta name="author" content="unocero - Alberto Ávila">',
      '',
    )
    expect(m.authors).toEqual(['Alberto Ávila'])
  })
})

describe('labelled bylines', () => {
  it('reads the name written as text after a label element', () => {
    expect(
      page('', '<p><span class="label">Autor:</span> Fritz Beispiel<br>Quelle: x</p>').authors,
    ).toEqual(['Fritz Beispiel'])
    expect(page('', '<div><h5>Autor: </h5>Peter Muster/AGX <br></div>').authors).toEqual([
      'Peter Muster',
    ])
  })

  it('skips line breaks and empty links after the label', () => {
    expect(page('', '<p><b>Von:</b> <br><br> Götz Beispiel</p>').authors).toEqual(['Götz Beispiel'])
    expect(
      page('', '<div><span>Par&nbsp;<a href="/a"></a><a href="/b">Jean Exemple</a></span></div>')
        .authors,
    ).toEqual(['Jean Exemple'])
  })
})

describe('credits escaped twice', () => {
  it('decodes a meta author’s entities before splitting at ";"', () => {
    const m = page('<meta name="author" content="Redacci&amp;oacute;n Diario Ejemplo">', '')
    expect(m.organizations).toEqual(['Redacción Diario Ejemplo'])
    expect(m.authors).toEqual([])
  })
})
