// An on/off setting kept outside the renderer: the switch moves at once and moves back, with
// the reason shown, when main refuses the change (a read-only archive, a failed write).
import { useState } from 'react'
import { describeError } from '../api/describe-error.ts'

export interface ToggleSetting {
  /** undefined until the stored value has been read. */
  value: boolean | undefined
  setValue(value: boolean): void
  busy: boolean
  error: string | undefined
  setError(error: string | undefined): void
  change(next: boolean): void
}

/** `write` stores the new value and resolves to the value now stored. */
export function useToggleSetting(write: (next: boolean) => Promise<boolean>): ToggleSetting {
  const [value, setValue] = useState<boolean>()
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)

  const change = (next: boolean) => {
    const before = value
    setValue(next)
    setBusy(true)
    setError(undefined)
    write(next).then(
      (stored) => {
        setValue(stored)
        setBusy(false)
      },
      (err: unknown) => {
        setValue(before)
        setError(describeError('change this setting', err))
        setBusy(false)
      },
    )
  }

  return { value, setValue, busy, error, setError, change }
}
