// Good blocks beside Readability's pick: an article split over containers keeps its parts.
import { describe, expect, it } from 'vitest'
import type {
  PageView,
  ViewBlock,
} from '../../../../../../main/archive/import/html/article-body.ts'
import { blocksBeside } from '../../../../../../main/archive/import/html/beside-pick.ts'
import { extractHtml } from '../../../../../../main/archive/import/html/extract-html.ts'
import { loadLinkedom } from '../../../../../../main/archive/import/html/linkedom-runtime.ts'

await loadLinkedom()

const long = (topic: string) =>
  `${topic}: the ferry to the island was late again this morning, and the people who waited ` +
  'on the pier in the rain talked about the timetable, the fares and the new harbour master, ' +
  'who had promised that everything would be better by the summer.'
const page = (body: string) =>
  `<!doctype html><html><head><title>The ferry</title></head><body>${body}</body></html>`
const story = ['One', 'Two', 'Three', 'Four'].map((t) => `<p>${long(t)}</p>`).join('')

describe('extractHtml with an article split over containers', () => {
  it('adds the part Readability left in another container', () => {
    const html = page(
      `<div class="wrap"><div class="col"><div class="story">${story}</div></div></div>` +
        `<div class="extra"><div class="inner"><div class="box"><p>${long('Second part')}</p></div></div></div>`,
    )
    const a = extractHtml(new TextEncoder().encode(html))
    expect(a.paragraphs[0]).toContain('One: the ferry')
    expect(a.paragraphs.at(-1)).toContain('Second part: the ferry')
    expect(a.bodyHtml).toContain('Second part: the ferry')
  })

  it('leaves out prose that boilerplate separates from the article', () => {
    const menu = Array.from({ length: 6 }, (_, i) => `<a href="/s${i}">Section number ${i}</a>`)
    const html = page(
      `<div class="wrap"><div class="col"><div class="story">${story}</div></div></div>` +
        `<div class="links"><div>${menu.join(' ')} and some other sections of the site</div></div>` +
        `<div class="extra"><div class="inner"><div class="box"><p>${long('Elsewhere')}</p></div></div></div>`,
    )
    const a = extractHtml(new TextEncoder().encode(html))
    expect(a.paragraphs.join('\n')).not.toContain('Elsewhere: the ferry')
  })
})

describe('blocksBeside', () => {
  const block = (text: string, kind: ViewBlock['kind'], good = kind === 'good'): ViewBlock => ({
    linked: false,
    text,
    kind,
    good,
  })
  const view = (blocks: ViewBlock[]): PageView => ({
    good: [],
    prose: [],
    boilerplate: [],
    blocks,
  })

  it('takes long good blocks before and after the kept text, past a short line or two', () => {
    const v = view([
      block(long('Before'), 'good'),
      block('A photo of the pier', 'short'),
      block(long('Kept'), 'good'),
      block(long('After'), 'good'),
    ])
    expect(blocksBeside([long('Kept')], v)).toEqual({ before: [0], after: [3] })
  })

  it('stops at boilerplate, and never takes short or unkept blocks', () => {
    const v = view([
      block(long('Before'), 'good'),
      block('Home News Sport Weather Contact Imprint Privacy', 'bad'),
      block(long('Kept'), 'good'),
      block('Good but short.', 'good'),
      block(long('Unkept'), 'good', false),
    ])
    expect(blocksBeside([long('Kept')], v)).toEqual({ before: [], after: [] })
  })

  it('never takes a linked block (a teaser) nor one that repeats the kept text', () => {
    const teaser = { ...block(long('Teaser'), 'good'), linked: true }
    const captionAndLead = block(`A photo of the pier. ${long('Kept')}`, 'good')
    const v = view([captionAndLead, block(long('Kept'), 'good'), teaser])
    expect(blocksBeside([long('Kept')], v)).toEqual({ before: [], after: [] })
  })
})
