// Citations for LaTeX: biblatex (what biber, Zotero and pandoc read best: @article with
// entrysubtype newspaper for a publication's article, @online for a web page) and classic
// BibTeX (@misc with howpublished, url and note, which every BibTeX style prints).
import type { Article } from '../../../shared/model.ts'
import { dateParts, splitName } from './author-name.ts'
import { citationFields } from './citation-fields.ts'
import { creatorsOf } from './creators.ts'

/** LaTeX's special characters, escaped; non-ASCII stays UTF-8 (biber, pandoc and Zotero read it). */
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

const MONTHS = 'jan feb mar apr may jun jul aug sep oct nov dec'.split(' ')

/** Babel names biblatex's langid expects, for the languages of the corpora and their neighbours. */
const BABEL: Record<string, string> = {
  en: 'english',
  fr: 'french',
  de: 'ngerman',
  es: 'spanish',
  it: 'italian',
  pt: 'portuguese',
  nl: 'dutch',
  sv: 'swedish',
  da: 'danish',
  nb: 'norsk',
  no: 'norsk',
  fi: 'finnish',
  pl: 'polish',
  cs: 'czech',
  ru: 'russian',
  uk: 'ukrainian',
  tr: 'turkish',
  el: 'greek',
  ar: 'arabic',
  he: 'hebrew',
  hu: 'magyar',
  ro: 'romanian',
}

/** Citation keys stay unique across one export, item by item (the writer streams). */
export type KeyRegistry = Set<string>

/** One biblatex entry. */
export function biblatexEntry(a: Article, used: KeyRegistry): string {
  const f = citationFields(a)
  const fields: [string, string][] = [['title', `{${escapeBibtex(a.title)}}`]]
  const names = nameList(a)
  if (names) fields.push(['author', names])
  let type = 'misc'
  if (f.container) {
    type = 'article'
    fields.push(['entrysubtype', 'newspaper'], ['journaltitle', escapeBibtex(f.container)])
  } else if (f.url) type = 'online'
  if (f.publishedDay) fields.push(['date', f.publishedDay])
  else if (f.issued.length) fields.push(['date', f.issued.map(pad).join('-')])
  if (f.url) fields.push(['url', escapeUrl(f.url)], ['urldate', f.accessedDay])
  const babel = f.language ? BABEL[f.language.toLowerCase().split(/[-_]/)[0]!] : undefined
  if (babel) fields.push(['langid', babel])
  return render(type, citationKey(a, used), fields)
}

/** One classic BibTeX entry: @misc, the address in howpublished and url, the rest in note. */
export function bibtexEntry(a: Article, used: KeyRegistry): string {
  const f = citationFields(a)
  const fields: [string, string][] = []
  const names = nameList(a)
  if (names) fields.push(['author', names])
  fields.push(['title', `{${escapeBibtex(a.title)}}`])
  if (f.url) fields.push(['howpublished', `\\url{${escapeUrl(f.url)}}`])
  if (f.issued[0]) fields.push(['year', String(f.issued[0])])
  if (f.issued[1]) fields.push(['month', MONTHS[f.issued[1] - 1]!])
  if (f.url) fields.push(['url', escapeUrl(f.url)])
  const note = [
    f.container ? escapeBibtex(f.container) : '',
    f.url && f.accessedDay ? `Accessed ${f.accessedDay}` : '',
  ].filter(Boolean)
  if (note.length) fields.push(['note', note.join('. ')])
  return render('misc', citationKey(a, used), fields, new Set(['month']))
}

export function biblatex(articles: Article[]): string {
  const used: KeyRegistry = new Set()
  return articles.map((a) => biblatexEntry(a, used)).join('\n')
}

export function bibtex(articles: Article[]): string {
  const used: KeyRegistry = new Set()
  return articles.map((a) => bibtexEntry(a, used)).join('\n')
}

function render(type: string, key: string, fields: [string, string][], bare = new Set<string>()) {
  const body = fields.map(([k, v]) => `  ${k} = ${bare.has(k) ? v : `{${v}}`}`).join(',\n')
  return `@${type}{${key},\n${body}\n}\n`
}

/** People as "Family, Given"; organisations braced whole, so no one splits "BBC News". */
function nameList(a: Article): string {
  const { people, organizations } = creatorsOf(a)
  const names = people.map((n) => {
    const { family, given } = splitName(n)
    return given ? `${escapeBibtex(family)}, ${escapeBibtex(given)}` : `{${escapeBibtex(family)}}`
  })
  for (const org of organizations) names.push(`{${escapeBibtex(org)}}`)
  return names.join(' and ')
}

/**
 * The url field is verbatim (biber and pandoc read `%` and `#` as they are); the address is
 * URI-encoded already, so only a brace or backslash could end the field, and those are encoded.
 */
function escapeUrl(url: string): string {
  return url.replace(/[{}\\\s]/g, (c) => encodeURIComponent(c))
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

/** familyYEARfirstword, ASCII only, then b, c… on a clash. */
function citationKey(a: Article, used: KeyRegistry): string {
  const { people, organizations } = creatorsOf(a)
  const family = people[0] ? splitName(people[0]).family : (organizations[0] ?? a.source ?? '')
  const year = dateParts(a.publishedAt ?? a.importedAt)[0] ?? ''
  const word = a.title.split(/\s+/).find((w) => asciiKey(w).length > 2) ?? ''
  let base = asciiKey(family).toLowerCase() + year + asciiKey(word).toLowerCase()
  if (!/^[a-z]/.test(base)) base = `quire${base}`
  let key = base
  for (let n = 0; used.has(key); n++) {
    key = base + String.fromCharCode(98 + (n % 25)) + (n >= 25 ? n : '')
  }
  used.add(key)
  return key
}

function asciiKey(s: string): string {
  return s.normalize('NFKD').replace(/[^A-Za-z0-9]/g, '')
}
