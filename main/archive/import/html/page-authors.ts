// Placeholder: authors as before.
import type { DomDocument } from './dom.ts'
import type { JsonLdArticle } from './json-ld.ts'
import type { MetaTags } from './meta-tags.ts'

export function findPageAuthors(
  _doc: DomDocument,
  meta: MetaTags,
  ld: JsonLdArticle | undefined,
  _source: string | undefined,
): { people: string[]; organizations: string[] } {
  const authorSources = ['dc:creator', 'dc.creator', 'dcterm:creator', 'dcterms.creator']
    .concat('author', 'parsely-author', 'article:author', 'sailthru.author', 'byl')
    .map((k) =>
      (meta.get(k) ?? [])
        .map((a) => a.replace(/^by\s+/i, ''))
        .filter((a) => !/^(?:https?:)?\/\//i.test(a)),
    )
  const people = ld?.authors.length
    ? ld.authors.map((a) => a.name)
    : (authorSources.find((l) => l.length) ?? [])
  return { people, organizations: [] }
}
