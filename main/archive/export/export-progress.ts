// How a long export says where it is: the CLI draws a line, the app sends `export:progress`.

export interface ExportProgress {
  /** `reading`: articles gathered; `writing`: items or files written to the output. */
  phase: 'reading' | 'writing'
  done: number
  total: number
}

export type OnExportProgress = (p: ExportProgress) => void

/** Calls `report` at most every `ms` (and always for the last step), so a CLI line or IPC stays cheap. */
export function throttledProgress(report: OnExportProgress, ms = 100): OnExportProgress {
  let last = 0
  return (p) => {
    const now = Date.now()
    if (p.done >= p.total || now - last >= ms) {
      last = now
      report(p)
    }
  }
}
