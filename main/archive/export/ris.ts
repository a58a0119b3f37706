// RIS: NEWS for an article from a news source, ELEC otherwise; one AU line per author.
import type { Article } from '../../../shared/model.ts'
import { dateParts, splitName } from './author-name.ts'

export function ris(articles: Article[]): string {
  return articles.map(record).join('')
}

function record(a: Article): string {
  const lines: [string, string][] = [['TY', a.source ? 'NEWS' : 'ELEC']]
  lines.push(['TI', a.title])
  for (const n of a.authors) {
    const { family, given } = splitName(n)
    lines.push(['AU', given ? `${family}, ${given}` : family])
  }
  // Corporate authors are written whole (RIS has no given name for them).
  for (const org of a.organizations ?? []) lines.push(['AU', org])
  if (a.source) lines.push(['T2', a.source])
  const d = dateParts(a.publishedAt)
  if (d.length) {
    lines.push(['PY', String(d[0])])
    lines.push(['DA', [d[0], pad(d[1]), pad(d[2])].join('/').replace(/\/+$/, '')])
  }
  if (a.url) lines.push(['UR', a.url])
  const accessed = dateParts(a.importedAt)
  if (accessed.length) lines.push(['Y2', accessed.map((p, i) => (i ? pad(p) : p)).join('/')])
  if (a.language) lines.push(['LA', a.language])
  if (a.excerpt) lines.push(['AB', a.excerpt])
  lines.push(['ER', ''])
  return lines.map(([tag, value]) => `${tag}  - ${oneLine(value)}`.trimEnd() + '\r\n').join('')
}

/** A RIS value is one line; a newline would start a bogus tag. */
function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim()
}

function pad(n: number | undefined): string {
  return n === undefined ? '' : String(n).padStart(2, '0')
}
