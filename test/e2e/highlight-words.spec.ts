// Journey: a person drags over text and lets go part-way through a word. The selection grows to
// the whole word on screen, and the highlight (its quote, kept after a reload) holds whole words,
// in English and in Chinese, where words are not separated by spaces.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from './fixtures.ts'
import { AnnotationsPanel } from './pages/annotations-page.ts'

const TITLE = 'Council meets on the harbour wall'
const FILE = join(mkdtempSync(join(tmpdir(), 'quire-words-')), 'council.html')
writeFileSync(
  FILE,
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${TITLE}</title></head>
<body><article><h1>${TITLE}</h1>
<p>The harbour council met on Wednesday to decide what to do about the crumbling wall at Saltmarsh.</p>
<p>Engineers said the stones would last another winter, but not two, and the council agreed to pay for a survey.</p>
<p lang="zh">我们今天在北京召开了新闻发布会。</p>
<p>The survey will begin in the spring, once the storms are over and the tides are low enough to reach the footings.</p>
</article></body></html>`,
)

test.use({ seed: { imports: [{ files: [FILE] }] } })

/** What the page has selected now, as text. */
function selectedText(notes: AnnotationsPanel): Promise<string> {
  return notes.page.evaluate('window.getSelection().toString()') as Promise<string>
}

test('a highlight that cuts words holds the whole words, in English and Chinese', async ({
  page,
  library,
  reader,
}) => {
  test.setTimeout(120_000)
  const notes = new AnnotationsPanel(page)
  await library.open(TITLE)
  await expect(reader.title).toHaveText(TITLE)

  // From inside "council" to inside "Wednesday".
  await notes.selectText('uncil met', 'on Wednesda')
  await expect(notes.selectionBar).toBeVisible()
  await expect.poll(() => selectedText(notes)).toBe('council met on Wednesday')
  await page.keyboard.press('h')
  await notes.toggle.click()
  await expect(notes.items).toHaveCount(1)
  await expect(notes.items.first().locator('.annotation-quote')).toHaveText(
    'council met on Wednesday',
  )

  // Chinese: the segmenter's dictionary finds 今天 and 北京.
  await notes.selectText('天在北', '天在北')
  await expect.poll(() => selectedText(notes)).toBe('今天在北京')
  await page.keyboard.press('h')
  await expect(notes.items).toHaveCount(2)

  await page.reload()
  await library.open(TITLE)
  await expect(reader.title).toHaveText(TITLE)
  await notes.toggle.click()
  await expect(notes.items.locator('.annotation-quote')).toHaveText([
    'council met on Wednesday',
    '今天在北京',
  ])
})
