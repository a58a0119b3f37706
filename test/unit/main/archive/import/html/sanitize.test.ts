// The body allow-list: hostile markup gone, ordinary article markup kept, and DOMPurify
// really running over linkedom (it silently returns its input where it cannot run).
import { parseHTML } from 'linkedom'
import { describe, expect, it } from 'vitest'
import { extractHtml } from '../../../../../../main/archive/import/html/extract-html.ts'
import { parseDocument, type DomElement } from '../../../../../../main/archive/import/html/dom.ts'
import {
  ALLOWED_ATTR,
  ALLOWED_TAGS,
  purifyInPlace,
} from '../../../../../../main/archive/import/html/purifier.ts'
import { imageSrc, linkHref } from '../../../../../../main/archive/import/html/serialize.ts'
import { fixture } from './fixtures.ts'

const body = extractHtml(fixture('hostile.html')).bodyHtml!

describe('the body sanitiser', () => {
  it.each([
    ['script', /<script|alert\(6\)|document\.cookie/i],
    ['event handlers', /\son[a-z]+\s*=/i],
    ['javascript:, vbscript:, file: and data:text URLs', /javascript:|vbscript:|file:|data:text/i],
    ['style elements and attributes', /<style|style=|url\(/i],
    ['frames, objects and embeds', /<(?:iframe|frame|object|embed)|srcdoc/i],
    ['svg and math', /<(?:svg|math|foreignobject|mi)\b/i],
    ['meta refresh and base', /<meta|http-equiv|refresh|<base/i],
    ['forms and their values', /<(?:form|input|button)|secret-value|formaction/i],
    ['srcset and picture sources', /srcset|<picture|<source/i],
    ['remote-loading attributes', /\s(?:lowsrc|poster|background|ping|cite|action)=/i],
    ['ids and classes (clobbering)', /\s(?:id|class|target)=/i],
    ['svg data: images', /data:image\/svg/i],
    ['anything loaded from the hostile host', /src="[^"]*evil\.example/i],
  ])('removes %s', (_, pattern) => {
    expect(body).not.toMatch(pattern)
  })

  it('keeps ordinary article markup', () => {
    expect(body).toContain('<h2>Section heading</h2>')
    expect(body).toContain('<em>emphasised</em>')
    expect(body).toContain('<strong>strong</strong>')
    expect(body).toContain('<code>code()</code>')
    expect(body).toMatch(/<blockquote>A quoted line/)
    expect(body).toMatch(/<td>Cell one<\/td><td>Cell two<\/td>/)
    expect(body).toContain('<li>First item</li>')
    expect(body).toContain('<pre>')
    expect(body).toContain(
      '<a href="https://good.example/story" rel="noopener noreferrer">a good link</a>',
    )
    expect(body).toContain('href="mailto:desk@courier.example"')
  })

  it('picks the widest srcset candidate as the one src', () => {
    expect(body).toContain('<img src="https://cdn.example/a-large.jpg" alt="harbour at dawn">')
    const images = extractHtml(fixture('hostile.html')).images!.map((i) => i.src)
    expect(images).toEqual(['https://cdn.example/a-large.jpg', 'https://cdn.example/pic.avif'])
  })

  it('leaves only allow-listed elements and attributes when a browser-like parser reads it', () => {
    const { document } = parseHTML(`<!doctype html><html><body>${body}</body></html>`)
    const all = document.body.querySelectorAll('*')
    expect(all.length).toBeGreaterThan(10)
    for (const el of all) {
      expect(ALLOWED_TAGS).toContain(el.localName)
      for (const attr of el.attributes)
        expect([...ALLOWED_ATTR, 'rel']).toContain(attr.name.toLowerCase())
    }
  })

  it('runs DOMPurify for real over linkedom', () => {
    const doc = parseDocument(
      '<html><body><div id="r"><p onclick="x()">a<img src="a.png" onerror="y()"><a href="javascript:z()">l</a><span><b onmouseover="w()">b</b></span></p></div></body></html>',
    )
    const root = doc.querySelector('#r') as DomElement
    purifyInPlace(root)
    const html = (root as unknown as { innerHTML: string }).innerHTML
    expect(html).toBe('<p>a<img src="a.png"><a>l</a><b>b</b></p>')
  })

  it('checks image sources and links once more on the way out', () => {
    expect(imageSrc('data:image/png;base64,AAAA')).toBe('data:image/png;base64,AAAA')
    expect(imageSrc('data:image/svg+xml,<svg/>')).toBeUndefined()
    expect(imageSrc('//cdn.example/a.png')).toBe('https://cdn.example/a.png')
    expect(imageSrc('pics/a.png')).toBe('pics/a.png')
    expect(imageSrc('pics/a.png', 'https://site.example/story/')).toBe(
      'https://site.example/story/pics/a.png',
    )
    expect(imageSrc('file:///etc/passwd')).toBeUndefined()
    expect(imageSrc('C:\\secret.png')).toBeUndefined()
    expect(linkHref('/about', 'https://site.example/x')).toBe('https://site.example/about')
    expect(linkHref('/about')).toBeUndefined()
    expect(linkHref(' javascript:alert(1)')).toBeUndefined()
    expect(linkHref('#note-1')).toBe('#note-1')
  })
})
