// The anchoring core's public face: describe a selection, anchor it again later.
export { describe, CONTEXT_LENGTH } from './describe.ts'
export type { AnchorTarget } from './describe.ts'
export {
  anchor,
  FUZZY_MAX_ERROR_RATE,
  FUZZY_SHORT_QUOTE,
  CANDIDATE_MAX_ERROR_RATE,
} from './anchor.ts'
export type { AnchorResult } from './anchor.ts'
export { snapToWords, MAX_SNAP } from './snap-to-words.ts'
