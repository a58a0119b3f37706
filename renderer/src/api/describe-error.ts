// Turns anything thrown by an API call into one readable sentence for the UI.
import { QuireError } from '../../../shared/errors.ts'

/** Codes whose own message is too terse for a person; the hint leads, the message follows. */
const HINTS: Partial<Record<string, string>> = {
  FORBIDDEN: 'the archive refused this window (open the address Quire printed again)',
  READ_ONLY: 'the archive is open read-only',
  NOT_FOUND: 'it is no longer in the archive',
}

/** "Couldn't <action>: <reason>." where action is a verb phrase such as "empty the Trash". */
export function describeError(action: string, err: unknown): string {
  return `Couldn't ${action}: ${errorReason(err).replace(/[.\s]+$/, '')}.`
}

export function errorReason(err: unknown): string {
  if (err instanceof QuireError) {
    const hint = HINTS[err.code]
    const message = err.message.trim()
    if (hint && err.code !== 'NOT_FOUND') return message ? `${hint} (${message})` : hint
    return message || hint || 'something went wrong'
  }
  if (err instanceof Error && err.message) return err.message
  return 'something went wrong'
}
