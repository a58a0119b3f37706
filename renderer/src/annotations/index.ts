// Highlights and notes: drawing them over the article, the sidebar, the article note.
// Its public API: other features and app/ import from this file only (eslint.config.js).
export { AnnotationSidebar } from './AnnotationSidebar.tsx'
export { Markdown } from './Markdown.tsx'
export { SelectionToolbar } from './SelectionToolbar.tsx'
export { colorLabel, HIGHLIGHT_COLORS, type HighlightColor } from './colors.ts'
export { jumpToAnnotation } from './jump.ts'
export { useAnnotations } from './use-annotations.ts'
export { useFocusRequest, type FocusRequest } from './use-focus-request.ts'
export { useHighlights } from './use-highlights.ts'
export { pointAtAnnotation, usePassageFocus } from './use-passage-focus.ts'
export { useReaderKeys } from './use-reader-keys.ts'
