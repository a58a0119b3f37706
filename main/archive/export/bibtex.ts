// BibTeX (biblatex flavour): @article for a news source, @online otherwise; keys unique.
import type { Article } from '../../../shared/model.ts'
import { dateParts, splitName } from './author-name.ts'
import { isoDay } from './export-item.ts'

/** LaTeX's special characters, escaped; non-ASCII stays UTF-8 (biber and Zotero read it). */
export function escapeBibtex(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\{}%&$#_^~]/g, (c) => {
      if (c === '\\') return '\\textbackslash{}'
      if (c === '^') return '\\textasciicircum{}'
      if (c === '~') return '\\textasciitilde{}'
      return `\\${c}`
    })
}

export function bibtex(articles: Article[]): string {
  const used = new Set<string>()
  return articles.map((a) => entry(a, citationKey(a, used))).join('\n')
}

function entry(a: Article, key: string): string {
  const fields: [string, string][] = [['title', `{${escapeBibtex(a.title)}}`]]
  const names = a.authors.map((n) => {
    const { family, given } = splitName(n)
    return given ? `${escapeBibtex(family)}, ${escapeBibtex(given)}` : `{${escapeBibtex(family)}}`
  })
  // An organisation in braces: BibTeX then never reads "BBC News" as "News, BBC".
  for (const org of a.organizations ?? []) names.push(`{${escapeBibtex(org)}}`)
  if (names.length) fields.push(['author', names.join(' and ')])
  if (a.source) fields.push(['journaltitle', escapeBibtex(a.source)])
  const day = isoDay(a.publishedAt)
  if (day) fields.push(['date', day])
  if (a.url) fields.push(['url', escapeUrl(a.url)])
  fields.push(['urldate', isoDay(a.importedAt)])
  if (a.language) fields.push(['langid', escapeBibtex(a.language)])
  const type = a.source ? 'article' : 'online'
  const body = fields.map(([k, v]) => `  ${k} = {${v}}`).join(',\n')
  return `@${type}{${key},\n${body}\n}\n`
}

/** URLs keep their characters (the url field is verbatim) except the ones that break braces. */
function escapeUrl(url: string): string {
  return url.replace(/[{}\\\s]/g, (c) => encodeURIComponent(c))
}

/** familyYEARfirstword, ASCII only, then b, c… on a clash. */
function citationKey(a: Article, used: Set<string>): string {
  const family = a.authors[0]
    ? splitName(a.authors[0]).family
    : (a.organizations?.[0] ?? a.source ?? '')
  const year = dateParts(a.publishedAt ?? a.importedAt)[0] ?? ''
  const word = a.title.split(/\s+/).find((w) => asciiKey(w).length > 2) ?? ''
  let base = asciiKey(family).toLowerCase() + year + asciiKey(word).toLowerCase()
  if (!/^[a-z]/.test(base)) base = `quire${base}`
  let key = base
  for (let n = 0; used.has(key); n++)
    key = base + String.fromCharCode(98 + (n % 25)) + (n >= 25 ? n : '')
  used.add(key)
  return key
}

function asciiKey(s: string): string {
  return s.normalize('NFKD').replace(/[^A-Za-z0-9]/g, '')
}
