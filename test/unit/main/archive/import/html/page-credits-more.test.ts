// More author and date rules on small hand-written pages: layout classes that do not make a
// region "elsewhere", bylines whose label carries a separator, and the other rules added with
// them (one describe each).
import { describe, expect, it } from 'vitest'
import { extractHtml } from '../../../../../../main/archive/import/html/extract-html.ts'
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

describe('bylines after a date or a "Beitrag von"', () => {
  it('reads "date von Name" and "Blog Beitrag von Name" lines', () => {
    expect(page('', '<h2>X <span>06.11.2023 13:30 von Olga Beispiel</span></h2>').authors).toEqual([
      'Olga Beispiel',
    ])
    expect(page('', '<p>Blog Beitrag von Margarete Muster</p><p>Text.</p>').authors).toEqual([
      'Margarete Muster',
    ])
    expect(page('', '<div>May 3, 2019 by Ann Lee</div>').authors).toEqual(['Ann Lee'])
  })

  it('reads no name from a dated line of prose', () => {
    expect(page('', '<p>12.03.2021 - Neue Regeln für alle</p>').authors).toEqual([])
    expect(page('', '<p>12.03.2021 von Montag an gilt die Regel</p>').authors).toEqual([])
  })
})

describe('the person a copyright line names', () => {
  it('is the rights holder when the page credits no one else', () => {
    expect(page('', '<p>Text.</p><footer><p>© 2019 Sven Beispiel</p></footer>').rightsHolder).toBe(
      'Sven Beispiel',
    )
    expect(
      page('', '<p class="copyrights-text">(c) Johanna Wolff • Weitere Rechte</p>').rightsHolder,
    ).toBe('Johanna Wolff')
    expect(page('', '<p>DATENSCHUTZ | COPYRIGHT ANDRÉ MUSTER | X</p>').rightsHolder).toBe(
      'André Muster',
    )
    expect(
      page('', '<small>(Lizenz) 2006-2008 by Martin Muster <br> Hosted by Beispiel</small>')
        .rightsHolder,
    ).toBe('Martin Muster')
  })

  it('is never a photo credit, an organisation, or one of several people', () => {
    expect(
      page('', '<figure><img src="a.jpg"><figcaption>© Jelko Muster</figcaption></figure>')
        .rightsHolder,
    ).toBeUndefined()
    expect(
      page('', '<span class="image-credit">© Jelko Muster</span>').rightsHolder,
    ).toBeUndefined()
    expect(page('', '<p>© 2021 Beispiel Verlag GmbH</p>').rightsHolder).toBeUndefined()
    expect(page('', '<p>© 2022 Deutscher Handballbund</p>').rightsHolder).toBeUndefined()
    expect(page('', '<p>© 2022 Luigi LAVAZZA SPA</p>').rightsHolder).toBeUndefined()
    expect(page('', '<p>© 2022 KulturKaufhaus Dussmann</p>').rightsHolder).toBeUndefined()
    expect(page('', '<footer>Fotos: CC BY-NC-ND</footer>').rightsHolder).toBeUndefined()
    // A bare "© Name" outside the footer is most often a picture's credit.
    expect(
      page('', '<div><img src="a.jpg"><p>© Marta Muster</p></div>').rightsHolder,
    ).toBeUndefined()
    expect(
      page('', '<p>© 2020 Ann Lee</p><p>Fotos © 2020 Rui Costa</p>').rightsHolder,
    ).toBeUndefined()
  })

  it('is not looked for when the page credits a writer', () => {
    const m = page('<meta name="author" content="Ann Lee">', '<p>© 2019 Sven Beispiel</p>')
    expect(m.authors).toEqual(['Ann Lee'])
    expect(m.rightsHolder).toBeUndefined()
  })
})

describe('who an import credits when the page names no writer', () => {
  const article = (footer: string) =>
    extractHtml(
      new TextEncoder().encode(
        '<!doctype html><html><head><meta property="og:site_name" content="Muster Blog"></head>' +
          `<body><article><h1>Ein Titel</h1><p>${'Ein langer Absatz über das Thema. '.repeat(20)}</p>` +
          `</article><footer>${footer}</footer></body></html>`,
      ),
    )

  it('credits the person the copyright line names, before the publisher', () => {
    const a = article('<p>© 2019 Sven Beispiel</p>')
    expect(a.authors).toEqual(['Sven Beispiel'])
    expect(a.organizations).toEqual([])
  })

  it('credits the publisher when no person holds the rights', () => {
    const a = article('<p>© 2019 Muster Blog</p>')
    expect(a.authors).toEqual([])
    expect(a.organizations).toEqual(['Muster Blog'])
  })
})

describe('credits completed by the page’s other credits', () => {
  const ld = (json: unknown) =>
    `<script type="application/ld+json">${JSON.stringify(json)}</script>`

  it('takes a later source that names the same people and more', () => {
    const m = page(
      ld({ '@type': 'Article', headline: 'X', author: { '@type': 'Person', name: 'Ann Lee' } }) +
        '<meta property="author" content="Ann Lee,Rui Costa">',
      '',
    )
    expect(m.authors).toEqual(['Ann Lee', 'Rui Costa'])
  })

  it('never takes a later source that leaves out a person the first names', () => {
    const m = page(
      '<meta name="author" content="Ann Lee"><meta name="parsely-author" content="Rui Costa; Jo Park">',
      '',
    )
    expect(m.authors).toEqual(['Ann Lee'])
  })

  it('writes a login or a lone first name in full when another source does', () => {
    expect(
      page(
        '<meta name="author" content="arianmuster">',
        '<div class="byline">Von <span class="author-name">Arian Muster</span></div>',
      ).authors,
    ).toEqual(['Arian Muster'])
    const m = page(
      ld({
        '@type': 'Article',
        headline: 'X',
        author: {
          '@type': 'Person',
          name: 'Nils',
          description: 'Nils Beispiel ist freier Autor und Journalist.',
        },
      }),
      '',
    )
    expect(m.authors).toEqual(['Nils Beispiel'])
  })
})

describe('credits Readability reads from JSON-LD', () => {
  it('decodes the entities a page left in its JSON-LD author', () => {
    const ldAuthor = JSON.stringify({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Un titular',
      author: { '@type': 'Person', name: 'Redacci&oacute;n Diario Ejemplo' },
    })
    const a = extractHtml(
      new TextEncoder().encode(
        `<!doctype html><html><head><script type="application/ld+json">${ldAuthor}</script></head>` +
          `<body><article><h1>Un titular</h1><p>${'Un párrafo largo sobre el tema. '.repeat(20)}</p></article></body></html>`,
      ),
    )
    expect(a.authors).toEqual([])
    expect(a.organizations).toEqual(['Redacción Diario Ejemplo'])
  })
})

describe('bylines naming the kind of piece', () => {
  it('reads "Eine Kolumne von", "Pressemitteilung von" and the like', () => {
    expect(page('', '<p><strong>Eine Kolumne von Nils Muster</strong></p>').authors).toEqual([
      'Nils Muster',
    ])
    expect(
      page('<meta name="author" content="Pressemitteilung von Katja Muster">', '').authors,
    ).toEqual(['Katja Muster'])
  })
})
