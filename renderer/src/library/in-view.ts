// The view rule and row form shared with the archive (see shared/library-view.ts).
export { isInView, toSummary } from '../../../shared/library-view.ts'
