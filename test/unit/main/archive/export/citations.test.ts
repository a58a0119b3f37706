import { describe, expect, it } from 'vitest'
import { bibtex, escapeBibtex } from '../../../../../main/archive/export/bibtex.ts'
import { ris } from '../../../../../main/archive/export/ris.ts'
import { cslJson } from '../../../../../main/archive/export/csl-json.ts'
import { splitName } from '../../../../../main/archive/export/author-name.ts'
import { makeArticle } from '../../../helpers/article.ts'
import { fixtureItems } from './fixture-items.ts'
import { expectGolden } from './golden.ts'

const articles = () => fixtureItems().map((i) => i.article)

describe('citations', () => {
  it('match the golden files', async () => {
    await expectGolden('citations.bib', bibtex(articles()))
    await expectGolden('citations.ris', ris(articles()))
    await expectGolden('citations.csl.json', JSON.stringify(cslJson(articles()), null, 2) + '\n')
  })

  it('BibTeX escapes LaTeX specials, keeps UTF-8, balances braces and makes unique keys', () => {
    expect(escapeBibtex('50% of {x} & $y #1 a_b \\ ~^')).toBe(
      '50\\% of \\{x\\} \\& \\$y \\#1 a\\_b \\textbackslash{} \\textasciitilde{}\\textasciicircum{}',
    )
    const same = makeArticle({
      title: 'Same title here',
      authors: ['Jane Doe'],
      publishedAt: '2024-01-01',
    })
    const text = bibtex([
      same,
      { ...same, id: 'ffffffffffffffff' },
      { ...same, id: 'eeeeeeeeeeeeeeee' },
    ])
    const keys = [...text.matchAll(/^@\w+\{([^,]+),/gm)].map((m) => m[1])
    expect(keys).toEqual(['doe2024same', 'doe2024sameb', 'doe2024samec'])
    const all = bibtex(articles())
    let depth = 0
    for (const ch of all.replace(/\\[{}]/g, '')) {
      if (ch === '{') depth++
      if (ch === '}') depth--
      expect(depth).toBeGreaterThanOrEqual(0)
    }
    expect(depth).toBe(0)
    expect(all).toContain('Ångström, Zoë')
    expect(all).toContain('@article{doe2024council,')
    expect(all).toContain('@online{madonna2024cmdcalc,')
  })

  it('RIS has one AU per author, dates, and every record closed by ER', () => {
    const text = ris(articles())
    const records = text.split('ER  -\r\n').filter(Boolean)
    expect(records).toHaveLength(2)
    expect(records[0]).toMatch(/^TY {2}- NEWS\r\n/)
    expect(records[1]).toMatch(/^TY {2}- ELEC\r\n/)
    expect(records[0]!.match(/^AU {2}- /gm)).toHaveLength(3)
    expect(records[0]).toContain('PY  - 2024\r\nDA  - 2024/05/01\r\n')
    expect(records[1]).toContain('TI  - =cmd|calc, "two" lines\r\n')
    for (const line of text.split('\r\n').filter(Boolean))
      expect(line).toMatch(/^[A-Z][A-Z0-9] {2}-( |$)/)
  })

  it('CSL-JSON splits names, dates and the container', () => {
    const [one, two] = cslJson(articles())
    expect(one).toMatchObject({
      type: 'article-newspaper',
      'container-title': 'The Daily, "Gazette"',
      issued: { 'date-parts': [[2024, 5, 1]] },
      URL: 'https://example.org/news/bridge?id=1&lang=en',
    })
    expect(one!.author![0]).toEqual({ family: 'Doe', given: 'Jane' })
    expect(two).toMatchObject({ type: 'webpage', author: [{ literal: 'Madonna' }] })
    expect(two!.issued).toBeUndefined()
    expect(splitName('Ludwig van Beethoven')).toEqual({ family: 'van Beethoven', given: 'Ludwig' })
    expect(splitName('Doe, Jane')).toEqual({ family: 'Doe', given: 'Jane' })
  })
})
