// The bench's one table: each figure, its physical reference measured in the same run, both
// times and their ratio, and the goal the ratio is held to (issue 17).

export interface Row {
  figure: string
  size: string
  ours: number
  reference: number
  referenceName: string
  /** The highest ratio that meets the goal; absent for figures reported without one. */
  goal?: number
  unit?: 'ms' | 's'
}

const fmt = (ms: number, unit: 'ms' | 's' = 'ms') =>
  unit === 's' ? `${(ms / 1000).toFixed(1)} s` : `${ms < 10 ? ms.toFixed(2) : ms.toFixed(1)} ms`

export const ratioOf = (r: Row) => Math.round((r.ours / r.reference) * 100) / 100

export function verdict(r: Row): string {
  if (r.goal === undefined) return '—'
  return `≤ ${r.goal}×: ${ratioOf(r) <= r.goal ? 'met' : 'NOT met'}`
}

export function ratioTable(rows: Row[]): string {
  return [
    '| figure | size | Quire | reference (same run) | reference | ratio | goal |',
    '|---|---:|---:|---|---:|---:|---|',
    ...rows.map(
      (r) =>
        `| ${r.figure} | ${r.size} | ${fmt(r.ours, r.unit)} | ${r.referenceName} | ${fmt(r.reference, r.unit)} | ${ratioOf(r).toFixed(2)}× | ${verdict(r)} |`,
    ),
  ].join('\n')
}

/** The rows for one archive size, from measure.ts's and reference-phase.ts's figures. */
export function sizeRows(n: number, m: Record<string, number>): Row[] {
  const size = n.toLocaleString('en')
  const rows: Row[] = [
    {
      figure: 'open → first page (median of 3)',
      size,
      ours: m.openToFirstPageMs!,
      reference: m.rawParseMs!,
      referenceName: 'read + JSON.parse of the catalog files',
      goal: 1.3,
    },
    {
      figure: 'index build',
      size,
      ours: m.indexBuildMs!,
      reference: m.bareFtsBuildMs!,
      referenceName: 'bare FTS5 table, same tokenizer, same documents',
      goal: 1.3,
      unit: 's',
    },
    {
      figure: 'search p95',
      size,
      ours: m.searchP95Ms!,
      reference: m.bareSearchP95Ms!,
      referenceName: 'bare FTS5 MATCH … ORDER BY bm25 LIMIT 50, p95',
      goal: 2,
    },
    {
      figure: 'search p50',
      size,
      ours: m.searchP50Ms!,
      reference: m.bareSearchP50Ms!,
      referenceName: 'bare FTS5 MATCH … ORDER BY bm25 LIMIT 50, p50',
    },
    {
      figure: 'write p95 (tag edit)',
      size,
      ours: m.writeP95Ms!,
      reference: m.journalAppendP95Ms!,
      referenceName: 'journal append + fdatasync of one record, p95',
      goal: 1.5,
    },
    {
      figure: 'write p95 (tag edit)',
      size,
      ours: m.writeP95Ms!,
      reference: m.durableShardWriteP95Ms!,
      referenceName: `temp + fsync + rename + folder fsync of a ${m.shardKb} KB shard, p95`,
    },
    {
      figure: 'highlight save p95',
      size,
      ours: m.annotateP95Ms!,
      reference: m.annotateJournalAppendP95Ms!,
      referenceName: 'journal append + fdatasync of one record, p95',
      goal: 1.5,
    },
  ]
  return rows
}
