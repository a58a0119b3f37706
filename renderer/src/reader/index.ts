// The reader: one article set for reading, its toolbar, versions and reading settings.
// Its public API: other features and app/ import from this file only (eslint.config.js).
export { ReaderPane } from './ReaderPane.tsx'
export { ReadingControls, Segmented } from './reading-settings/ReadingControls.tsx'
export { marksReadOnOpen, type ReadingSettings } from './reading-settings/settings.ts'
export { useReadingSettings } from './reading-settings/use-reading-settings.ts'
export { useArticle } from './use-article.ts'
