// Charset detection: BOM > HTTP header > <meta> > UTF-8 > Windows-1252.
import { describe, expect, it } from 'vitest'
import {
  decodeHtml,
  prescanCharset,
} from '../../../../../../main/archive/import/html/decode-html.ts'
import { extractHtml } from '../../../../../../main/archive/import/html/extract-html.ts'
import { fixture } from './fixtures.ts'

const enc = (s: string) => new TextEncoder().encode(s)

describe('decodeHtml', () => {
  it('reads a windows-1251 page by its http-equiv Content-Type', () => {
    const bytes = fixture('windows-1251.html')
    expect(prescanCharset(bytes)).toBe('windows-1251')
    const d = decodeHtml(bytes)
    expect(d.encoding).toBe('windows-1251')
    expect(d.text).toContain('Ремонт моста начнётся весной')
    const a = extractHtml(bytes)
    expect(a.title).toBe('Ремонт моста начнётся весной')
    expect(a.encoding).toBe('windows-1251')
    expect(a.paragraphs.join(' ')).toContain('Городской совет')
  })

  it('lets a UTF-8 BOM win over a <meta charset> that says otherwise', () => {
    const d = decodeHtml(fixture('utf8-bom.html'))
    expect(d.encoding).toBe('utf-8')
    expect(d.text.startsWith('\ufeff')).toBe(false)
    expect(d.text).toContain('Naïve façades, crème brûlée and the Zürich café — “quoted”')
  })

  it('honours <meta charset> for a legacy page', () => {
    const bytes = new Uint8Array([
      ...enc('<html><head><meta charset="shift_jis"><title>'),
      0x93,
      0xfa,
      0x96,
      0x7b, // 日本 in Shift_JIS
      ...enc('</title></head></html>'),
    ])
    expect(decodeHtml(bytes)).toEqual({
      encoding: 'shift_jis',
      text: '<html><head><meta charset="shift_jis"><title>日本</title></head></html>',
    })
  })

  it('ranks the HTTP charset above the page and below the BOM', () => {
    const latin = new Uint8Array([...enc('<meta charset="utf-8"><p>caf'), 0xe9])
    expect(decodeHtml(latin, 'iso-8859-1').text).toContain('café')
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...enc('<p>café</p>')])
    expect(decodeHtml(bom, 'windows-1251')).toEqual({ text: '<p>café</p>', encoding: 'utf-8' })
  })

  it('falls back to Windows-1252 when an undeclared page is not UTF-8', () => {
    const d = decodeHtml(fixture('undeclared-1252.html'))
    expect(d.encoding).toBe('windows-1252')
    expect(d.text).toContain('Olá, café e pão — served')
  })

  it('keeps a re-encoded saved page UTF-8 although its old <meta> says GBK', () => {
    const page = enc(
      '<meta charset="gb2312"><title>新电脑已可利用记忆自学 人工智能迈上新台阶</title>',
    )
    expect(decodeHtml(page).text).toContain('新电脑已可利用记忆自学')
  })

  it('ignores unknown and dangerous labels', () => {
    expect(decodeHtml(enc('<meta charset="x-made-up"><p>é</p>')).encoding).toBe('utf-8')
    expect(decodeHtml(enc('<meta charset="utf-16"><p>plain</p>')).text).toContain('plain')
    expect(decodeHtml(enc('<meta charset="iso-2022-kr"><p>plain</p>')).text).toContain('plain')
  })
})
