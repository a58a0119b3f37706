// Import: files, drag and drop, addresses from the web, and the progress panel.
// Its public API: other features and app/ import from this file only (eslint.config.js).
export { DropOverlay } from './DropOverlay.tsx'
export { ImportButton } from './ImportButton.tsx'
export { ImportPanel } from './ImportPanel.tsx'
export { isLinkRecord, LinkRecordView } from './LinkRecordView.tsx'
export { useImportActions } from './import-actions.ts'
export { parseTags, asWebUrl } from './url-list.ts'
export { useFileDrop } from './use-file-drop.ts'
export { useImporter } from './use-importer.ts'
export { useWebImport } from './use-web-import.ts'
