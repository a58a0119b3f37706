// Runs one operation for a transport: checks the name, validates the input with the
// contract's schema, calls the handler and wraps the answer in a Result envelope.
import { api, isOp, type Handlers, type Result } from '../../shared/api.ts'
import { toApiError, type ApiError } from '../../shared/errors.ts'
import { ImportFailure, type ImportFailureCode } from '../archive/import/extracted.ts'

/** An importer's failure outside a batch (a feed that will not parse): a known code. */
const IMPORT_FAILURE_CODES: Record<ImportFailureCode, ApiError['code']> = {
  NETWORK: 'IO',
  IO: 'IO',
  UNSUPPORTED_FORMAT: 'UNSUPPORTED_FORMAT',
  NOT_FOUND: 'NOT_FOUND',
  EMPTY: 'INVALID_INPUT',
  BINARY: 'INVALID_INPUT',
  TOO_LARGE: 'INVALID_INPUT',
  INVALID_INPUT: 'INVALID_INPUT',
}

export async function dispatch(
  handlers: Handlers,
  op: unknown,
  input: unknown,
): Promise<Result<unknown>> {
  if (!isOp(op)) {
    return {
      ok: false,
      error: {
        code: 'UNKNOWN_OPERATION',
        message: `Unknown operation: ${String(op).slice(0, 80)}`,
      },
    }
  }
  const parsed = api[op].input.safeParse(input ?? {})
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : ''
    return {
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: `Invalid input for ${op}${where}: ${issue?.message ?? 'rejected'}`,
        details: parsed.error.issues.slice(0, 5).map((i) => ({ path: i.path, message: i.message })),
      },
    }
  }
  try {
    // The handler table is keyed by the same op, so the parsed input matches its handler.
    const handler = handlers[op] as (input: unknown) => Promise<unknown>
    return { ok: true, value: await handler(parsed.data) }
  } catch (err) {
    if (err instanceof ImportFailure) {
      return { ok: false, error: { code: IMPORT_FAILURE_CODES[err.code], message: err.message } }
    }
    return { ok: false, error: toApiError(err) }
  }
}
