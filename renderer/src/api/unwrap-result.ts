// Turns a transport's Result envelope into a value, or throws the error it carries.
import type { Result } from '../../../shared/api.ts'
import { ApiErrorSchema } from '../../../shared/errors.ts'
import { QuireError } from '../../../shared/errors.ts'

/** Returns the value of an ok envelope; throws a QuireError with the envelope's code otherwise. */
export function unwrapResult<T>(result: Result<T>): T {
  if (result.ok) return result.value
  throw new QuireError(result.error.code, result.error.message, result.error.details)
}

/** Validates an envelope that arrived as untrusted JSON. */
export function asResult(body: unknown): Result<unknown> {
  if (typeof body === 'object' && body !== null && 'ok' in body) {
    if (body.ok === true && 'value' in body) return { ok: true, value: body.value }
    if (body.ok === false && 'error' in body) {
      const error = ApiErrorSchema.safeParse(body.error)
      if (error.success) return { ok: false, error: error.data }
    }
  }
  return {
    ok: false,
    error: { code: 'INTERNAL', message: 'the archive sent an unreadable answer' },
  }
}
