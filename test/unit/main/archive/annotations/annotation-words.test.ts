// A highlight made inside words is stored (and so exported) as the whole words.
import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { QuireError } from '../../../../../shared/errors.ts'
import { htmlToText } from '../../../../../shared/html-text.ts'
import { ArchiveService } from '../../../../../main/archive/service.ts'
import { tempDir } from '../../../helpers/temp-dir.ts'

const FIXTURES = join(import.meta.dirname, '../../../../fixtures/import')
let service: ArchiveService | undefined
afterEach(async () => {
  await service?.close()
  service = undefined
})

it('widens a highlight that cuts words and stores the whole words', async () => {
  service = await ArchiveService.open(join(await tempDir(), 'archive'))
  const report = await service.importPaths([join(FIXTURES, 'bridge.txt')])
  const id = report.results[0]?.status === 'imported' ? report.results[0].id : ''
  const text = htmlToText((await service.get(id)).body)
  const start = text.indexOf('end river') // inside "Wend"
  const created = await service.createAnnotation({
    articleId: id,
    start,
    end: start + 'end riv'.length, // inside "river"
    color: 'yellow',
  })
  expect(created.target.quote.exact).toBe('Wend river')
  expect(created.target.position.start).toBe(start - 1)
  const again = (await service.get(id)).article.annotations[0]
  expect(again?.target.quote.exact).toBe('Wend river')
  // A range outside the text is still refused, not mended.
  await expect(
    service.createAnnotation({ articleId: id, start: 0, end: text.length + 5, color: 'blue' }),
  ).rejects.toBeInstanceOf(QuireError)
})
