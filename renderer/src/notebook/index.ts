// The notebook: every highlight and note across the archive, in place of the list.
// Its public API: other features and app/ import from this file only (eslint.config.js).
export { NotebookNavItem } from './NotebookNavItem.tsx'
export { NotebookView } from './NotebookView.tsx'
export { publishNotebookNav, usePublishNotebookNav } from './notebook-nav.ts'
