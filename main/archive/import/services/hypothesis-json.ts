// Hypothesis's JSON export (a list of annotations, or { annotations: [...] }) -> one entry per
// annotated page, each highlight with its TextQuoteSelector's prefix and suffix.
import { ImportFailure } from '../extracted.ts'
import { groupByDocument, type DocumentHighlight } from './group-by-document.ts'
import { itemList } from './json.ts'
import type { RowProblem } from './result.ts'
import { defineJsonService } from './text-services.ts'
import { cleanTags, httpUrl, isRecord, isoDate, text } from './values.ts'

export const hypothesisJsonImporter = defineJsonService({
  id: 'hypothesis-json',
  label: 'Hypothesis annotations (.json)',
  matches: (head) =>
    /"uri"\s*:/.test(head) &&
    /"target"\s*:/.test(head) &&
    (/"selector"\s*:/.test(head) || /"acct:/.test(head)),
  parse: (value, name) => {
    const list = isRecord(value) ? value.annotations : value
    if (list === undefined)
      throw new ImportFailure('INVALID_INPUT', 'the file has no "annotations" list')
    const problems: RowProblem[] = []
    const rows: DocumentHighlight[] = []
    itemList(list, 'the Hypothesis export').forEach((a, i) => {
      const source = `${name} › annotation ${i + 1}`
      const row = isRecord(a) ? hypothesisRow(a, source) : { source, reason: 'is not an object' }
      if ('reason' in row) problems.push(row)
      else rows.push(row)
    })
    return { entries: groupByDocument(rows), problems }
  },
})

function hypothesisRow(a: Record<string, unknown>, source: string): DocumentHighlight | RowProblem {
  if (Array.isArray(a.references) && a.references.length > 0)
    return { source, reason: 'is a reply, not a highlight' }
  const quote = quoteSelector(a.target)
  if (!quote) return { source, reason: 'is a page note with no quoted text' }
  const url = httpUrl(a.uri)
  const doc = isRecord(a.document) ? a.document : {}
  const title = Array.isArray(doc.title) ? text(doc.title[0]) : text(doc.title)
  const note = text(a.text)
  const createdAt = isoDate(a.created)
  const tags = Array.isArray(a.tags) ? cleanTags(a.tags) : []
  return {
    source,
    ...(url ? { url } : {}),
    ...(title ? { title } : {}),
    tags: [],
    highlight: {
      quote: quote.exact,
      ...(quote.prefix ? { prefix: quote.prefix } : {}),
      ...(quote.suffix ? { suffix: quote.suffix } : {}),
      ...(note ? { note } : {}),
      ...(tags.length ? { tags } : {}),
      ...(createdAt ? { createdAt } : {}),
    },
  }
}

function quoteSelector(
  target: unknown,
): { exact: string; prefix?: string; suffix?: string } | undefined {
  if (!Array.isArray(target)) return undefined
  for (const t of target) {
    if (!isRecord(t) || !Array.isArray(t.selector)) continue
    for (const s of t.selector) {
      if (!isRecord(s) || s.type !== 'TextQuoteSelector') continue
      const exact = text(s.exact)
      if (!exact) continue
      const prefix = typeof s.prefix === 'string' ? s.prefix : undefined
      const suffix = typeof s.suffix === 'string' ? s.suffix : undefined
      return { exact, ...(prefix ? { prefix } : {}), ...(suffix ? { suffix } : {}) }
    }
  }
  return undefined
}
