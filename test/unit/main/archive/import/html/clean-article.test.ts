// The cleaning of Readability's article: furniture named by class, and the blocks at the
// article's edges that the block classifier calls boilerplate.
import { describe, expect, it } from 'vitest'
import { cleanArticle } from '../../../../../../main/archive/import/html/clean/clean-article.ts'
import { parseDocument, type DomElement } from '../../../../../../main/archive/import/html/dom.ts'
import { loadLinkedom } from '../../../../../../main/archive/import/html/linkedom-runtime.ts'

await loadLinkedom()

const sentence = (topic: string, i: number) =>
  `<p>The ${topic} committee met again on day ${i}, and its members argued at length about ` +
  `the budget, the timetable and the people who would carry the work through the winter.</p>`
const prose = (topic: string, n = 3) =>
  Array.from({ length: n }, (_, i) => sentence(topic, i + 1)).join('')

function cleaned(inner: string): string {
  const doc = parseDocument(`<!doctype html><html><body><div id="a">${inner}</div></body></html>`)
  const root = doc.querySelector('#a') as DomElement
  const removed: string[] = []
  cleanArticle(root, (r) => removed.push(r.rule))
  return (root.textContent ?? '').replace(/\s+/g, ' ')
}

describe('named furniture', () => {
  it.each([
    ['editorial-disclaimer', 'NOTE: the advertising disclaimer below does not apply.'],
    ['sidebar', 'Our most popular posts this week, picked for you.'],
    ['site-footer', 'About us, contact and the imprint of the publisher.'],
    ['post-author', 'Jane Doe studied history before she joined the paper.'],
    ['letters cta', 'We want to hear what you think about this article.'],
    ['story-timestamp', 'Published 3 hours ago'],
    ['paywall-box', 'Read on with a subscription for one euro a month.'],
  ])('drops a box whose class names it %s', (cls, text) => {
    const out = cleaned(`${prose('harbour')}<div class="${cls}"><p>${text}</p></div>`)
    expect(out).toContain('The harbour committee met again on day 3')
    expect(out).not.toContain(text)
  })

  it('keeps an article container whose class mentions a furniture word', () => {
    const out = cleaned(`<div class="article-body has-footer">${prose('harbour')}</div>`)
    expect(out).toContain('The harbour committee met again on day 1')
  })
})

describe('headings after the last prose', () => {
  it('drops a heading that introduces no prose, such as a box of other stories', () => {
    const out = cleaned(
      `${prose('harbour')}<h2>Mehr zu Klima und Konsum</h2><p>Plastik im Meer</p>` +
        `<p><strong>Unsere Ansprechpartnerin</strong></p>`,
    )
    expect(out).toContain('The harbour committee met again on day 3')
    expect(out).not.toContain('Mehr zu Klima und Konsum')
    expect(out).not.toContain('Unsere Ansprechpartnerin')
    expect(out).toContain('Plastik im Meer')
  })

  it('keeps headings followed by prose, and a heading that introduces a table', () => {
    const out = cleaned(
      `<h2>The first day</h2>${prose('harbour', 2)}<h3>The settings</h3>` +
        '<table><tr><td>Speed</td><td>Fast</td></tr></table>',
    )
    expect(out).toContain('The first day')
    expect(out).toContain('The settings')
  })

  it('keeps every heading of an article with no block of prose', () => {
    const out = cleaned('<h2>Ingredients</h2><ul><li>2 eggs</li><li>Flour</li></ul><h2>Steps</h2>')
    expect(out).toContain('Ingredients')
    expect(out).toContain('Steps')
  })
})

describe('date lines', () => {
  it.each([
    'Publikacja: 04.05.2021',
    '7. oktober 2020',
    '24.01.2022 11:38 | News',
    'asked Feb 6, 2014 at 20:37',
  ])('drops a line that only dates the article: %s', (line) => {
    const out = cleaned(`<p>${line}</p>${prose('harbour')}`)
    expect(out).not.toContain(line)
    expect(out).toContain('The harbour committee met again on day 1')
  })

  it('keeps sentences with dates, and dated items of a list', () => {
    const out = cleaned(
      `${prose('harbour')}<p>The council met on 4 May 2021.</p><ul><li>04.05.2021 Annual meeting</li></ul>`,
    )
    expect(out).toContain('The council met on 4 May 2021.')
    expect(out).toContain('04.05.2021 Annual meeting')
  })
})

describe('label lines of contact and information boxes', () => {
  it.each([
    'Kontakt:',
    'Weitere Informationen:',
    'Zur Person',
    'About the author',
    'Themen im Artikel',
  ])('drops the label line %s', (label) => {
    const out = cleaned(`${prose('harbour')}<p>${label}</p>${prose('ferry', 1)}`)
    expect(out).not.toContain(label)
    expect(out).toContain('The ferry committee met again on day 1')
  })

  it('keeps the words inside a sentence', () => {
    const out = cleaned(
      `${prose('harbour')}<p>Kontakt: the council answers every letter it receives within a week.</p>`,
    )
    expect(out).toContain('Kontakt: the council answers every letter')
  })
})
