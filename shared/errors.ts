// Errors as they cross every transport: `{ code, message, details }`, never a stack.
import * as z from 'zod'

export const ErrorCodeSchema = z.enum([
  'NOT_FOUND',
  'INVALID_INPUT',
  'UNSUPPORTED_FORMAT',
  'IO',
  'FORBIDDEN',
  'UNKNOWN_OPERATION',
  'READ_ONLY',
  'INTERNAL',
  /** The operation exists but this shell (e.g. the browser) cannot do it. */
  'UNSUPPORTED',
])
export type ErrorCode = z.infer<typeof ErrorCodeSchema>

export const ApiErrorSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  details: z.unknown().optional(),
})
export type ApiError = z.infer<typeof ApiErrorSchema>

/** Thrown by main-side code; transports turn it into an ApiError. */
export class QuireError extends Error {
  readonly code: ErrorCode
  readonly details: unknown
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message)
    this.name = 'QuireError'
    this.code = code
    this.details = details
  }
}

/** Any thrown value as an ApiError; unknown errors keep their message but never their stack. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof QuireError) {
    return err.details === undefined
      ? { code: err.code, message: err.message }
      : { code: err.code, message: err.message, details: err.details }
  }
  const message = err instanceof Error ? err.message : String(err)
  return { code: 'INTERNAL', message }
}
