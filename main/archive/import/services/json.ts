// JSON exports -> parsed value, with a clear failure for truncated or malformed files.
import { ImportFailure } from '../extracted.ts'
import { decodeExport } from './decode.ts'
import { MAX_ENTRIES } from './limits.ts'

/** Decodes and parses; throws ImportFailure 'INVALID_INPUT' with JSON.parse's reason. */
export function parseJsonExport(bytes: Uint8Array, maxBytes: number): unknown {
  const source = decodeExport(bytes, maxBytes, 'a JSON export')
  try {
    return JSON.parse(source) as unknown
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err)
    const at = /position (\d+)/.exec(why)
    // V8 names the position it stopped at: at the very end means the file was cut short.
    const truncated =
      /end of (JSON )?input|Unterminated/i.test(why) ||
      (at !== null && Number(at[1]) >= source.trimEnd().length)
    throw new ImportFailure(
      'INVALID_INPUT',
      truncated ? `the JSON is cut short (truncated file?): ${why}` : `malformed JSON: ${why}`,
    )
  }
}

/** The list an export's items are in; throws INVALID_INPUT when it is not a list. */
export function itemList(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value))
    throw new ImportFailure('INVALID_INPUT', `${what} is not a list of items`)
  if (value.length > MAX_ENTRIES) {
    throw new ImportFailure(
      'TOO_LARGE',
      `${what} has ${value.length} items, more than the ${MAX_ENTRIES} allowed`,
    )
  }
  return value
}
