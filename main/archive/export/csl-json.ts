// CSL-JSON (what Zotero, pandoc and citeproc read): article-newspaper for an article of a
// publication, webpage for a page with an address, article otherwise. People get family and
// given names; organisations one literal name.
import type { Article } from '../../../shared/model.ts'
import { splitName } from './author-name.ts'
import { citationFields } from './citation-fields.ts'
import { creatorsOf } from './creators.ts'

type CslName = { family: string; given?: string } | { literal: string }

export interface CslItem {
  id: string
  type: 'article-newspaper' | 'webpage' | 'article'
  title: string
  author?: CslName[]
  issued?: { 'date-parts': number[][] }
  accessed?: { 'date-parts': number[][] }
  URL?: string
  'container-title'?: string
  language?: string
  abstract?: string
}

export function cslItem(a: Article): CslItem {
  const f = citationFields(a)
  const item: CslItem = {
    id: a.id,
    type: f.container ? 'article-newspaper' : f.url ? 'webpage' : 'article',
    title: a.title,
  }
  const { people, organizations } = creatorsOf(a)
  const names: CslName[] = people.map((n) => {
    const { family, given } = splitName(n)
    return given ? { family, given } : { literal: family }
  })
  for (const org of organizations) names.push({ literal: org })
  if (names.length) item.author = names
  if (f.issued.length) item.issued = { 'date-parts': [f.issued] }
  if (f.accessed.length) item.accessed = { 'date-parts': [f.accessed] }
  if (f.url) item.URL = f.url
  if (f.container) item['container-title'] = f.container
  if (f.language) item.language = f.language
  if (a.excerpt.trim()) item.abstract = a.excerpt
  return item
}

export function cslJson(articles: Article[]): CslItem[] {
  return articles.map(cslItem)
}
