// The error the plain-text importer throws for input it cannot turn into an article.

/** Why a file was refused; the pipeline passes the code on so the UI can explain it. */
export type TextImportErrorCode = 'EMPTY' | 'BINARY' | 'TOO_LARGE'

export class TextImportError extends Error {
  readonly code: TextImportErrorCode

  constructor(code: TextImportErrorCode, message: string) {
    super(message)
    this.name = 'TextImportError'
    this.code = code
  }
}
