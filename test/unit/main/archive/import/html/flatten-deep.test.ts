// Pathological nesting is flattened before Readability, whose cost explodes with depth.
import { describe, expect, it } from 'vitest'
import { parseDocument } from '../../../../../../main/archive/import/html/dom.ts'
import { extractHtml } from '../../../../../../main/archive/import/html/extract-html.ts'
import { flattenDeepNesting } from '../../../../../../main/archive/import/html/flatten-deep.ts'

const nested = (depth: number, inner: string) =>
  `<html><body>${'<div>'.repeat(depth)}${inner}${'</div>'.repeat(depth)}</body></html>`

describe('flattenDeepNesting', () => {
  it('leaves ordinary pages alone', () => {
    const doc = parseDocument(nested(40, '<p>text</p>'))
    expect(flattenDeepNesting(doc)).toBe(0)
  })

  it('keeps the text and images under the cap, in order, and drops scripts', () => {
    const doc = parseDocument(
      nested(10, '<div><p>one <b>two</b></p><script>bad()</script><img src="a.png">three</div>'),
    )
    expect(flattenDeepNesting(doc, 5)).toBe(1)
    const html = (doc.documentElement as unknown as { outerHTML: string }).outerHTML
    expect(html).toContain('one two<img src="a.png">three')
    expect(html).not.toContain('bad()')
  })

  // Once minutes: a regression shows as this test's timeout (no assertion on speed here).
  it('imports a page nested 5,000 deep', () => {
    const a = extractHtml(
      new TextEncoder().encode(nested(5000, `<p>${'word '.repeat(100)}<img src="a.png"></p>`)),
    )
    expect(a.paragraphs.join(' ')).toContain('word word')
    expect(a.images).toEqual([{ src: 'a.png' }])
  })
})
