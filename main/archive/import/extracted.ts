// What every importer hands the pipeline: the article as extracted, before it is stored.
import type { Dateline } from '../../../shared/model.ts'

export interface ExtractedArticle {
  title: string
  subtitle?: string
  byline?: string
  authors: string[]
  source?: string
  dateline?: Dateline
  paragraphs: string[]
  format: 'text'
  encoding?: string
}

/** A per-file failure with a code the UI can explain; the batch goes on without it. */
export class ImportFailure extends Error {
  readonly code: 'EMPTY' | 'BINARY' | 'TOO_LARGE' | 'UNSUPPORTED_FORMAT' | 'NOT_FOUND' | 'IO'
  constructor(code: ImportFailure['code'], message: string) {
    super(message)
    this.name = 'ImportFailure'
    this.code = code
  }
}
