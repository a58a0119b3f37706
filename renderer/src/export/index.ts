// Export: the dialog, its buttons, and the request that opens it from anywhere.
// Its public API: other features and app/ import from this file only (eslint.config.js).
export { ExportButton, ExportViewButton } from './ExportButton.tsx'
export { ExportHost } from './ExportHost.tsx'
export { EVERYTHING, requestExport, type ExportTarget } from './export-request.ts'
