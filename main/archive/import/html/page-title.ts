// The headline of a page, placeholder: metadata as before.
import type { DomDocument } from './dom.ts'
import type { JsonLdArticle } from './json-ld.ts'
import { firstMeta, type MetaTags } from './meta-tags.ts'

const TITLE_KEYS = ['dc:title', 'dc.title', 'dcterm:title', 'dcterms.title', 'og:title'].concat(
  'weibo:article:title',
  'weibo:webpage:title',
  'title',
  'twitter:title',
  'parsely-title',
)

export function findPageTitle(
  _doc: DomDocument,
  meta: MetaTags,
  ld: JsonLdArticle | undefined,
  _source: string | undefined,
): string | undefined {
  return ld?.title ?? firstMeta(meta, TITLE_KEYS)
}
