// Reads the archive's refusal of a query (INVALID_INPUT with `details: { start, end }`) into
// the same shape the client-side parser gives, so the box underlines either the same way.
import { QuireError } from '../../../shared/errors.ts'
import type { ParseError } from '../../../shared/search/parser.ts'

/** The message and span of a refused query, or undefined for any other failure. */
export function invalidQuery(err: unknown): ParseError | undefined {
  if (!(err instanceof QuireError) || err.code !== 'INVALID_INPUT') return undefined
  const details: unknown = err.details
  if (typeof details !== 'object' || details === null) return undefined
  if (!('start' in details) || !('end' in details)) return undefined
  const { start, end } = details
  if (typeof start !== 'number' || typeof end !== 'number') return undefined
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start) {
    return undefined
  }
  return { message: err.message, start, end }
}
