// Notes are Markdown rendered inert: no raw HTML, no script-capable links, no loaded images.
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Markdown } from '../../../../renderer/src/annotations/Markdown.tsx'
import { noteText, parseNote } from '../../../../renderer/src/annotations/markdown-tree.ts'

const html = (source: string) => renderToStaticMarkup(createElement(Markdown, { source }))

/** Every href in the output, and the tags used. */
function hrefs(out: string): string[] {
  return [...out.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!)
}
function tags(out: string): string[] {
  return [...new Set([...out.matchAll(/<([a-z0-9]+)[\s>/]/g)].map((m) => m[1]!))].sort()
}

describe('Markdown notes', () => {
  it('renders emphasis, lists, code, quotes and safe links', () => {
    const out = html(
      '**bold** and *it* ~~gone~~\n\n- one\n- two\n\n> quoted\n\n`x<y`\n\n[site](https://example.org/a?b=1&c=2)',
    )
    expect(out).toContain('<strong>bold</strong>')
    expect(out).toContain('<em>it</em>')
    expect(out).toContain('<s>gone</s>')
    expect(out).toContain('<ul><li>one</li><li>two</li></ul>')
    expect(out).toContain('<blockquote><p>quoted</p></blockquote>')
    expect(out).toContain('<code>x&lt;y</code>')
    expect(hrefs(out)).toEqual(['https://example.org/a?b=1&amp;c=2'])
    expect(out).toContain('target="_blank" rel="noreferrer noopener"')
  })

  it('shows <script> and other raw HTML as text', () => {
    const out = html('<script>alert(1)</script>\n\nhi <b onclick="x()">b</b>')
    expect(out).not.toContain('<script')
    expect(out).not.toContain('<b ')
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(out).toContain('&lt;b onclick=&quot;x()&quot;&gt;')
  })

  it('never emits an img, even for <img onerror> or a Markdown image', () => {
    const out = html('<img src=x onerror=alert(1)>\n\n![tracker](http://tracker.example/p.gif)')
    expect(tags(out)).not.toContain('img')
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;')
    // The image becomes a link one may follow, labelled with its alt text.
    expect(hrefs(out)).toEqual(['http://tracker.example/p.gif'])
    expect(out).toContain('Image: tracker')
  })

  it('keeps javascript:, data: and other addresses as plain text', () => {
    for (const src of [
      '[x](javascript:alert(1))',
      '[x](JaVaScRiPt:alert(1))',
      '[x](data:text/html;base64,PHNjcmlwdD4=)',
      '[x](vbscript:msgbox)',
      '[x](file:///etc/passwd)',
      '[x](  javascript:alert(1))',
      '[x](java&#09;script:alert(1))',
      '[x](&#106;avascript:alert(1))',
      '![x](data:image/svg+xml,<svg onload=alert(1)>)',
      '<javascript:alert(1)>',
      '[x][r]\n\n[r]: javascript:alert(1)',
    ]) {
      const out = html(src)
      expect(hrefs(out), src).toEqual([])
      expect(tags(out), src).not.toContain('a')
    }
  })

  it('decodes entities into text, never into markup', () => {
    const out = html('&lt;script&gt;alert(1)&lt;/script&gt; &#60;img src=x onerror=y&#62;')
    expect(tags(out)).toEqual(['div', 'p'])
    expect(out).toContain('&lt;script&gt;')
    expect(noteText(parseNote('&lt;b&gt;'))).toBe('<b>')
  })

  it('links autolinks and bare web addresses, not bare javascript', () => {
    const out = html('<https://a.example/x> and mailto:me@c.example and <me@d.example>')
    expect(hrefs(out)).toEqual([
      'https://a.example/x',
      'mailto:me@c.example',
      'mailto:me@d.example',
    ])
    expect(hrefs(html('javascript:alert(1) and <javascript:alert(1)>'))).toEqual([])
  })

  it('nests emphasis in links and links in emphasis', () => {
    const out = html('***both*** _[**in** link](http://e.example)_')
    expect(out).toContain('<em><strong>both</strong></em>')
    expect(out).toContain('<em><a href="http://e.example"')
    expect(out).toContain('><strong>in</strong> link</a></em>')
  })

  it('turns headings into strong paragraphs so notes never break the heading order', () => {
    const out = html('# Big\n\n### Small')
    expect(tags(out)).not.toContain('h1')
    expect(out).toContain('<p class="md-heading md-h1"><strong>Big</strong></p>')
  })

  it('keeps the text of a link it refuses', () => {
    expect(noteText(parseNote('see [the text](javascript:x) here'))).toContain('[the text]')
  })
})

describe('Markdown notes, for any input', () => {
  // Pieces of Markdown and HTML syntax, so random notes hit the parser's interesting paths.
  const piece = fc.constantFrom(
    '<',
    '>',
    '"',
    "'",
    '&',
    '&#',
    ';',
    'lt;',
    '#x3C;',
    '[',
    ']',
    '(',
    ')',
    '!',
    '*',
    '_',
    '`',
    '\n',
    '\n\n',
    ' ',
    ':',
    '/',
    'javascript',
    'JAVASCRIPT',
    'data',
    'vbscript',
    'http',
    'https',
    'mailto',
    'www.',
    '.com',
    'script',
    'img',
    'src',
    'onerror',
    '=',
    'alert(1)',
    '<a href=',
    '](',
    '![',
    '<http://',
    'x',
    '\t',
    '\\',
    '%0a',
  )
  const note = fc.array(fc.oneof(piece, fc.string({ maxLength: 4 })), { maxLength: 40 })

  it('never emits script, img, iframe, style, event handlers or unsafe links', () => {
    fc.assert(
      fc.property(note, (parts) => {
        const out = html(parts.join(''))
        expect(tags(out)).not.toEqual(expect.arrayContaining(['script']))
        for (const t of tags(out)) {
          expect([
            'div',
            'p',
            'a',
            'em',
            'strong',
            's',
            'code',
            'pre',
            'br',
            'hr',
            'ul',
            'ol',
            'li',
            'blockquote',
            'table',
            'thead',
            'tbody',
            'tr',
            'th',
            'td',
          ]).toContain(t)
        }
        expect(out).not.toMatch(/<[a-z]+[^>]*\son[a-z]+=/i)
        for (const href of hrefs(out)) expect(href).toMatch(/^(https?:|mailto:)/i)
      }),
      { numRuns: 500 },
    )
  })
})
