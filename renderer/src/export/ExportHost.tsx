// Where the export dialog lives: mounted once by App, it shows the dialog whenever something
// asked for it (requestExport), and owns the Shift-E shortcut that exports everything.
import { useShortcuts } from '../ui/use-shortcuts.ts'
import { ExportDialog } from './ExportDialog.tsx'
import { EVERYTHING, closeExport, requestExport, useExportTarget } from './export-request.ts'

export function ExportHost() {
  const target = useExportTarget()
  useShortcuts({ E: () => requestExport(EVERYTHING) })
  if (!target) return null
  return <ExportDialog key={JSON.stringify(target)} target={target} onClose={closeExport} />
}
