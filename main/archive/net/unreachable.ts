// A page that could not be reached at all (no network, the host unknown or down, no answer in
// time, the connection cut): unlike an answer such as 404, trying again later may well work, so
// an address the person typed is kept as a link to fetch then.
import { ImportFailure } from '../import/extracted.ts'

export class UnreachableFailure extends ImportFailure {
  constructor(message: string) {
    super('NETWORK', message)
    this.name = 'UnreachableFailure'
  }
}

/** True when `err` says the network or the host could not be reached. */
export function isUnreachable(err: unknown): err is UnreachableFailure {
  return err instanceof UnreachableFailure
}
