// The reference every figure is printed beside: @mozilla/readability alone over linkedom,
// on the same decoded text, with none of our metadata reading or cleaning.
import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'
import { htmlToParagraphs } from '../../../shared/html-text.ts'
import { decodeHtml } from '../../../main/archive/import/html/decode-html.ts'

export interface BareResult {
  title: string
  byline: string
  publishedTime: string
  paragraphs: string[]
}

export function bareReadability(bytes: Uint8Array): BareResult | undefined {
  try {
    const { document } = parseHTML(decodeHtml(bytes).text)
    const article = new Readability(document as never).parse()
    if (!article) return undefined
    return {
      title: article.title ?? '',
      byline: article.byline ?? '',
      publishedTime: article.publishedTime ?? '',
      paragraphs: htmlToParagraphs(article.content ?? ''),
    }
  } catch {
    return undefined
  }
}

/**
 * Readability's byline split the simple way ("By Ann Lee and Bo Ma" -> two names), so the
 * baseline's author rate is not zero merely for not splitting.
 */
export function bylineNames(byline: string): string[] {
  return byline
    .replace(/^\s*(?:by|von|par|por|di|door)\s+/i, '')
    .split(/\s*(?:;|,|&|\band\b|\bund\b|\bet\b|\by\b|\be\b)\s*/i)
    .map((n) => n.trim())
    .filter((n) => n.length > 0)
}
