// Pocket's older HTML export (ril_export.html): an "Unread" and a "Read Archive" list of links.
import { linkedom } from '../html/linkedom-runtime.ts'
import { ImportFailure, type ImportEntry } from '../extracted.ts'
import { decodeExport } from './decode.ts'
import { MAX_ENTRIES, MAX_HTML_EXPORT_BYTES } from './limits.ts'
import { defineService, type RowProblem } from './result.ts'
import { headText } from './sniff-text.ts'
import { cleanTags, httpUrl, text, unixTime } from './values.ts'

interface El {
  localName: string
  textContent: string | null
  getAttribute(name: string): string | null
}

export const pocketHtmlImporter = defineService({
  id: 'pocket-html',
  label: 'Pocket export (ril_export.html)',
  maxBytes: MAX_HTML_EXPORT_BYTES,
  matches: (s) => {
    if (s.ext !== '.html' && s.ext !== '.htm') return false
    const head = headText(s)
    return /<title>\s*Pocket Export\s*<\/title>/i.test(head) && /<h1>\s*Unread\s*<\/h1>/i.test(head)
  },
  parse: (bytes, name) => {
    const html = decodeExport(bytes, MAX_HTML_EXPORT_BYTES, 'a Pocket HTML export')
    const { document } = linkedom().parseHTML(html)
    const nodes = (
      document as unknown as { querySelectorAll(q: string): ArrayLike<El> }
    ).querySelectorAll('h1, a')
    const entries: ImportEntry[] = []
    const problems: RowProblem[] = []
    let archived = false
    let sawHeading = false
    for (let i = 0; i < nodes.length; i++) {
      const el = nodes[i]!
      if (el.localName === 'h1') {
        sawHeading = true
        archived =
          /archive|read/i.test(el.textContent ?? '') && !/unread/i.test(el.textContent ?? '')
        continue
      }
      const source = `${name} › link ${entries.length + problems.length + 1}`
      const url = httpUrl(el.getAttribute('href'))
      if (!url) {
        problems.push({ source, reason: `"${el.getAttribute('href') ?? ''}" is not a web address` })
        continue
      }
      const title = text(el.textContent)
      const addedAt = unixTime(el.getAttribute('time_added'))
      entries.push({
        source,
        url,
        ...(title && title !== url ? { title } : {}),
        tags: cleanTags((el.getAttribute('tags') ?? '').split(',')),
        status: archived ? 'read' : 'unread',
        archived,
        ...(addedAt ? { addedAt } : {}),
        highlights: [],
      })
      if (entries.length > MAX_ENTRIES) {
        throw new ImportFailure('TOO_LARGE', `the export has more than ${MAX_ENTRIES} links`)
      }
    }
    if (!sawHeading)
      throw new ImportFailure('INVALID_INPUT', 'this is not a Pocket export (no Unread list)')
    return { entries, problems }
  },
})
