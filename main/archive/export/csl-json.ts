// CSL-JSON (what Zotero, Pandoc and citeproc read): article-newspaper or webpage items.
import type { Article } from '../../../shared/model.ts'
import { dateParts, splitName } from './author-name.ts'

type CslName = { family: string; given?: string } | { literal: string }

export interface CslItem {
  id: string
  type: 'article-newspaper' | 'webpage'
  title: string
  author?: CslName[]
  issued?: { 'date-parts': number[][] }
  accessed?: { 'date-parts': number[][] }
  URL?: string
  'container-title'?: string
  language?: string
  abstract?: string
}

export function cslJson(articles: Article[]): CslItem[] {
  return articles.map((a) => {
    const item: CslItem = {
      id: a.id,
      type: a.source ? 'article-newspaper' : 'webpage',
      title: a.title,
    }
    const people = a.authors.map((n) => {
      const { family, given } = splitName(n)
      return given ? { family, given } : { literal: family }
    })
    // Organisations are cited by their whole name, never split into given and family.
    const orgs = (a.organizations ?? []).map((literal) => ({ literal }))
    if (people.length || orgs.length) item.author = [...people, ...orgs]
    const issued = dateParts(a.publishedAt)
    if (issued.length) item.issued = { 'date-parts': [issued] }
    const accessed = dateParts(a.importedAt)
    if (accessed.length) item.accessed = { 'date-parts': [accessed] }
    if (a.url) item.URL = a.url
    if (a.source) item['container-title'] = a.source
    if (a.language) item.language = a.language
    if (a.excerpt) item.abstract = a.excerpt
    return item
  })
}
