// Human-readable output of the CLI (the --json forms print the contract's shapes instead).
import type { ArticleSummary, ImportReport } from '../../shared/model.ts'
import type { ArticleWithBody } from '../../shared/api.ts'
import { htmlToText } from '../../shared/html-text.ts'

export function formatImportReport(report: ImportReport): string {
  const lines: string[] = []
  for (const r of report.results) {
    if (r.status === 'failed') lines.push(`failed     ${r.source}: ${r.error.message}`)
    else if (r.status === 'duplicate') lines.push(`duplicate  ${r.source} (already ${r.id})`)
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
