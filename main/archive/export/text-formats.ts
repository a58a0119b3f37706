// The text export formats as streams: a head, one chunk per article, a tail, so an export of
// any size is written piece by piece and never held whole.
import { escapeHtml } from '../../../shared/html-text.ts'
import type { ExportFormat } from '../../../shared/api.ts'
import { QuireError } from '../../../shared/errors.ts'
import { annotatedHtmlPage, articleSection, type HtmlExportOptions } from './annotated-html.ts'
import { biblatexEntry, bibtexEntry, type KeyRegistry } from './bibtex.ts'
import { cslItem } from './csl-json.ts'
import type { ExportItem } from './export-item.ts'
import { readwiseHeader, readwiseRows } from './readwise-csv.ts'
import { risRecord } from './ris.ts'
import { collectionHead, itemAnnotations, type WebAnnotationOptions } from './web-annotation.ts'

export interface TextFormat {
  head(): string
  /** The text of one article (may be empty: an article without highlights in a CSV). */
  item(item: ExportItem): Promise<string> | string
  tail(): string
}

/** What a bundle's table of contents lists, known before the articles are read. */
export interface TocEntry {
  id: string
  title: string
  annotations: number
  /** Only these annotations go in (a filtered notebook); all of them when absent. */
  only?: Set<string>
}

export interface TextFormatOptions extends WebAnnotationOptions, HtmlExportOptions {
  /** The HTML bundle's contents; one article when absent or of one entry. */
  toc?: TocEntry[]
}

export const TEXT_FORMATS = new Set<ExportFormat>([
  'readwise',
  'jsonld',
  'bibtex',
  'biblatex',
  'ris',
  'csl',
  'html',
])

/** The stream form of a text format. Throws QuireError INTERNAL for a format that is not text. */
export function textFormat(format: ExportFormat, opts: TextFormatOptions = {}): TextFormat {
  switch (format) {
    case 'readwise':
      return { head: readwiseHeader, item: readwiseRows, tail: () => '' }
    case 'jsonld':
      return jsonLd(opts)
    case 'bibtex':
    case 'biblatex': {
      const keys: KeyRegistry = new Set()
      const entry = format === 'bibtex' ? bibtexEntry : biblatexEntry
      let first = true
      return {
        head: () => '',
        item: (i) => (first ? ((first = false), '') : '\n') + entry(i.article, keys),
        tail: () => '',
      }
    }
    case 'ris':
      return { head: () => '', item: (i) => risRecord(i.article), tail: () => '' }
    case 'csl': {
      let first = true
      return {
        head: () => '[',
        item: (i) => {
          const json = JSON.stringify(cslItem(i.article), null, 2).replace(/\n/g, '\n  ')
          return `${first ? ((first = false), '') : ','}\n  ${json}`
        },
        tail: () => '\n]\n',
      }
    }
    case 'html':
      return html(opts)
    default:
      throw new QuireError('INTERNAL', `${format} is not a text format.`)
  }
}

function jsonLd(opts: WebAnnotationOptions): TextFormat {
  const { first: page, ...head } = collectionHead(opts)
  let total = 0
  return {
    head: () => {
      const start = JSON.stringify(head, null, 2).replace(/\n}$/, ',')
      const pageStart = JSON.stringify(page, null, 2).replace(/\n}$/, ',').replace(/\n/g, '\n  ')
      return `${start}\n  "first": ${pageStart}\n    "items": [`
    },
    item: (item) => {
      const list = itemAnnotations(item)
      const text = list
        .map(
          (a, i) =>
            `${total + i ? ',' : ''}\n      ${JSON.stringify(a, null, 2).replace(/\n/g, '\n      ')}`,
        )
        .join('')
      total += list.length
      return text
    },
    // `total` last: JSON keys have no order, and only now is it known.
    tail: () => `\n    ]\n  },\n  "total": ${total}\n}\n`,
  }
}

function html(opts: TextFormatOptions): TextFormat {
  const toc = opts.toc ?? []
  const bundle = toc.length !== 1
  let lang: string | undefined
  return {
    head: () => {
      if (!bundle) return ''
      const title = opts.title ?? 'Quire export'
      const list = toc
        .map((e) => {
          const n = e.annotations
          const count = n ? ` <span class="count">(${n} highlight${n === 1 ? '' : 's'})</span>` : ''
          return `<li><a href="#a-${e.id}">${escapeHtml(e.title)}</a>${count}</li>`
        })
        .join('\n')
      return (
        annotatedHtmlPage(title, undefined).head +
        `<nav class="toc"><h1>${escapeHtml(title)}</h1>\n<ol>\n${list}\n</ol></nav>\n`
      )
    },
    item: async (item) => {
      const section = await articleSection(item, opts)
      if (bundle) return section + '\n'
      lang = item.article.language
      const page = annotatedHtmlPage(item.article.title, lang)
      return page.head + section + '\n' + page.tail
    },
    tail: () => (bundle ? annotatedHtmlPage('', undefined).tail : ''),
  }
}
