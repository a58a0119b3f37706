// Human-readable output of the CLI (the --json forms print the contract's shapes instead).
import type { ArticleSummary, ImportReport } from '../../shared/model.ts'
import type { ArticleWithBody, ReextractReport, SearchResults } from '../../shared/api.ts'
import { htmlToText } from '../../shared/html-text.ts'

export function formatImportReport(report: ImportReport): string {
  const lines: string[] = []
  for (const r of report.results) {
    if (r.status === 'failed') lines.push(`failed     ${r.source}: ${r.error.message}`)
    else if (r.status === 'imported' && r.fetchLater)
      lines.push(
        `link       ${r.source}: ${r.fetchLater}; kept to fetch later (quire fetch ${r.id})`,
      )
    else if (r.status === 'duplicate')
      lines.push(`duplicate  ${r.source} (already ${r.id}${r.merged ? `; ${r.merged}` : ''})`)
  }
  lines.push(
    `${report.imported} imported, ${report.duplicates} duplicates, ${report.failed} failed` +
      (report.skipped ? `, ${report.skipped} skipped` : ''),
  )
  return lines.join('\n')
}

export function formatList(items: ArticleSummary[], total: number): string {
  const rows = items.map((a) => {
    const date = (a.publishedAt ?? a.importedAt).slice(0, 10)
    const tags = a.tags.length ? `  [${a.tags.join(', ')}]` : ''
    return `${a.id}  ${date}  ${a.title}${tags}`
  })
  rows.push(`${total} article${total === 1 ? '' : 's'}`)
  return rows.join('\n')
}

export function formatArticle({ article: a, body }: ArticleWithBody): string {
  const head = [a.title]
  if (a.subtitle) head.push(a.subtitle)
  const meta = [
    a.authors.length ? `By ${a.authors.join(', ')}` : '',
    a.source ?? '',
    a.dateline ? a.dateline.place + (a.dateline.agency ? ` (${a.dateline.agency})` : '') : '',
    `${a.wordCount} words, ${a.readingMinutes} min`,
  ].filter(Boolean)
  return `${head.join('\n')}\n${meta.join(' · ')}\n\n${htmlToText(body)}`
}

/** Matches from the index come between U+E000 and U+E001; a terminal shows them in bold. */
export function formatSearchResults(results: SearchResults, color = process.stdout.isTTY): string {
  const mark = (s: string) =>
    s.replace(/\u{E000}/gu, color ? '\x1b[1m' : '[').replace(/\u{E001}/gu, color ? '\x1b[22m' : ']')
  const rows = results.items.map((a) => {
    const head = `${a.id}  ${(a.publishedAt ?? a.importedAt).slice(0, 10)}  ${a.title}`
    return a.snippet ? `${head}\n    ${mark(a.snippet)}` : head
  })
  rows.push(`${results.total} match${results.total === 1 ? '' : 'es'}`)
  return rows.join('\n')
}

/** "12 of 340 articles updated", then each with the fields extracted anew. */
export function formatReextractReport(r: ReextractReport): string {
  const lines = [`${r.changed} of ${r.checked} articles updated (fields edited by hand kept)`]
  for (const c of r.changes) lines.push(`  ${c.id}  ${c.fields.join(', ')}  ${c.title}`)
  if (r.changed > r.changes.length) lines.push(`  … and ${r.changed - r.changes.length} more`)
  return lines.join('\n')
}
