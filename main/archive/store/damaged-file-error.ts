// The error a store raises when a file on disk fails to parse or validate.
export class DamagedFileError extends Error {
  readonly path: string
  /** What is wrong, without the path: shown to the user next to the file's archive name. */
  readonly reason: string
  constructor(path: string, reason: string) {
    super(`${path} is damaged: ${reason}`)
    this.name = 'DamagedFileError'
    this.path = path
    this.reason = reason
  }
}
