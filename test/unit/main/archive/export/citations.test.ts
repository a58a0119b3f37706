import { describe, expect, it } from 'vitest'
import { biblatex, bibtex, escapeBibtex } from '../../../../../main/archive/export/bibtex.ts'
import { ris } from '../../../../../main/archive/export/ris.ts'
import { cslJson } from '../../../../../main/archive/export/csl-json.ts'
import { splitName } from '../../../../../main/archive/export/author-name.ts'
import { creatorsOf } from '../../../../../main/archive/export/creators.ts'
import { cleanCredits } from '../../../../../shared/credits.ts'
import { makeArticle } from '../../../helpers/article.ts'
import { fixtureItems } from './fixture-items.ts'
import { expectGolden } from './golden.ts'

const articles = () => fixtureItems().map((i) => i.article)

/** A BBC-like record: an organisation as author, a canonical address with "É" in it. */
const bbc = makeArticle({
  id: '1111111111111111',
  title: 'Économie: growth slows',
  authors: ['Jane Doe'],
  organizations: ['BBC News'],
  source: 'BBC News',
  url: 'https://m.bbc.co.uk/news/x?utm_source=feed',
  canonicalUrl: 'https://www.bbc.co.uk/news/économie-1',
  publishedAt: '2024-03-05T10:00:00Z',
  importedAt: '2024-03-06T08:00:00Z',
  language: 'en-GB',
})

describe('citations', () => {
  it('match the golden files', async () => {
    await expectGolden('citations.bib', biblatex(articles()))
    await expectGolden('citations.bibtex.bib', bibtex(articles()))
    await expectGolden('citations.ris', ris(articles()))
    await expectGolden('citations.csl.json', JSON.stringify(cslJson(articles()), null, 2) + '\n')
  })

  it('keeps organisations apart from people, as the record does', () => {
    expect(creatorsOf(bbc)).toEqual({ people: ['Jane Doe'], organizations: ['BBC News'] })
    // Import sorts the credits (shared/credits.ts); the record then carries the split.
    for (const org of ['Reuters', 'AFP', 'Associated Press']) {
      const credits = cleanCredits([org])
      expect(credits.organizations).toEqual([org])
      const a = makeArticle({ authors: credits.people, organizations: credits.organizations })
      expect(creatorsOf(a).organizations).toEqual([org])
    }
    expect(creatorsOf(makeArticle({ authors: ['Zoë Ångström'] })).people).toEqual(['Zoë Ångström'])
  })

  it('biblatex: a newspaper article with its journal, canonical address and access date', () => {
    const text = biblatex([bbc])
    expect(text).toMatch(/^@article\{doe2024economie,\n/)
    expect(text).toContain('  entrysubtype = {newspaper},\n  journaltitle = {BBC News},')
    expect(text).toContain('author = {Doe, Jane and {BBC News}}')
    expect(text).toContain('url = {https://www.bbc.co.uk/news/%C3%A9conomie-1}')
    expect(text).toContain('urldate = {2024-03-06}')
    expect(text).toContain('date = {2024-03-05}')
    expect(text).toContain('langid = {english}')
    const page = biblatex([makeArticle({ title: 'A page', url: 'https://ex.org/p' })])
    expect(page).toMatch(/^@online\{/)
  })

  it('BibTeX: @misc with howpublished, url and note', () => {
    const text = bibtex([bbc])
    expect(text).toMatch(/^@misc\{/)
    expect(text).toContain('howpublished = {\\url{https://www.bbc.co.uk/news/%C3%A9conomie-1}}')
    expect(text).toContain('year = {2024},\n  month = mar,')
    expect(text).toContain('note = {BBC News. Accessed 2024-03-06}')
  })

  it('escapes LaTeX specials, keeps UTF-8, balances braces and makes unique keys', () => {
    expect(escapeBibtex('50% of {x} & $y #1 a_b \\ ~^')).toBe(
      '50\\% of \\{x\\} \\& \\$y \\#1 a\\_b \\textbackslash{} \\textasciitilde{}\\textasciicircum{}',
    )
    const same = makeArticle({
      title: 'Same title here',
      authors: ['Jane Doe'],
      publishedAt: '2024-01-01',
    })
    const text = biblatex([
      same,
      { ...same, id: 'ffffffffffffffff' },
      { ...same, id: 'eeeeeeeeeeeeeeee' },
    ])
    const keys = [...text.matchAll(/^@\w+\{([^,]+),/gm)].map((m) => m[1])
    expect(keys).toEqual(['doe2024same', 'doe2024sameb', 'doe2024samec'])
    for (const all of [biblatex(articles()), bibtex(articles())]) {
      let depth = 0
      for (const ch of all.replace(/\\[{}]/g, '')) {
        if (ch === '{') depth++
        if (ch === '}') depth--
        expect(depth).toBeGreaterThanOrEqual(0)
      }
      expect(depth).toBe(0)
      expect(all).toContain('Ångström, Zoë')
    }
  })

  it('RIS: the spec’s tags and lines, NEWS or ELEC, the canonical address, ER closing', () => {
    const text = ris([...articles(), bbc])
    const records = text.split('ER  - \r\n').filter(Boolean)
    expect(records).toHaveLength(3)
    expect(records[0]).toMatch(/^TY {2}- NEWS\r\n/)
    expect(records[1]).toMatch(/^TY {2}- GEN\r\n/)
    expect(records[0]!.match(/^AU {2}- /gm)).toHaveLength(3)
    expect(records[0]).toContain('PY  - 2024\r\nDA  - 2024/05/01/\r\n')
    expect(records[1]).toContain('TI  - =cmd|calc, "two" lines\r\n')
    expect(records[2]).toContain('AU  - Doe, Jane\r\nAU  - BBC News\r\nT2  - BBC News\r\n')
    expect(records[2]).toContain('UR  - https://www.bbc.co.uk/news/%C3%A9conomie-1\r\n')
    for (const line of text.split('\r\n').filter(Boolean))
      expect(line).toMatch(/^[A-Z][A-Z0-9] {2}- /)
  })

  it('CSL-JSON splits names, keeps organisations literal, dates and the container', () => {
    const [one, two] = cslJson(articles())
    expect(one).toMatchObject({
      type: 'article-newspaper',
      'container-title': 'The Daily, "Gazette"',
      issued: { 'date-parts': [[2024, 5, 1]] },
      URL: 'https://example.org/news/bridge?id=1&lang=en',
    })
    expect(one!.author![0]).toEqual({ family: 'Doe', given: 'Jane' })
    expect(two).toMatchObject({ type: 'article', author: [{ literal: 'Madonna' }] })
    expect(two!.issued).toBeUndefined()
    expect(cslJson([bbc])[0]!.author).toEqual([
      { family: 'Doe', given: 'Jane' },
      { literal: 'BBC News' },
    ])
    expect(splitName('Ludwig van Beethoven')).toEqual({ family: 'van Beethoven', given: 'Ludwig' })
    expect(splitName('Doe, Jane')).toEqual({ family: 'Doe', given: 'Jane' })
  })
})
