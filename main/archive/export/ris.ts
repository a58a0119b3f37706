// RIS (the RIS format specification, as Zotero, EndNote and Mendeley read it): NEWS for an
// article of a publication, ELEC for a web page, GEN otherwise. Every line is `XX  - value`
// (tag, two spaces, hyphen, space), CRLF ended; TY opens a record and `ER  - ` closes it.
import type { Article } from '../../../shared/model.ts'
import { splitName } from './author-name.ts'
import { citationFields } from './citation-fields.ts'
import { creatorsOf } from './creators.ts'

export function ris(articles: Article[]): string {
  return articles.map(risRecord).join('')
}

export function risRecord(a: Article): string {
  const f = citationFields(a)
  const lines: [string, string][] = [['TY', f.container ? 'NEWS' : f.url ? 'ELEC' : 'GEN']]
  lines.push(['TI', a.title])
  const { people, organizations } = creatorsOf(a)
  for (const n of people) {
    const { family, given } = splitName(n)
    lines.push(['AU', given ? `${family}, ${given}` : family])
  }
  // An organisation as author has no comma, so readers keep it whole.
  for (const org of organizations) lines.push(['AU', org.replace(/,/g, ' ')])
  if (f.container) lines.push(['T2', f.container])
  if (f.issued.length) {
    lines.push(['PY', String(f.issued[0])])
    lines.push(['DA', risDate(f.issued)])
  }
  if (f.url) {
    lines.push(['UR', f.url])
    if (f.accessed.length) lines.push(['Y2', risDate(f.accessed)])
  }
  if (f.language) lines.push(['LA', f.language])
  if (a.excerpt.trim()) lines.push(['AB', a.excerpt])
  return lines.map(([tag, value]) => `${tag}  - ${oneLine(value)}\r\n`).join('') + 'ER  - \r\n'
}

/** YYYY/MM/DD/ with the parts known (the spec's form; a missing part stays empty). */
function risDate(parts: number[]): string {
  const [y, m, d] = parts
  return `${y}/${m ? pad(m) : ''}/${d ? pad(d) : ''}/`
}

/** A RIS value is one line; a newline would start a bogus tag. */
function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim()
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}
