// A settings row with a checkbox: its label, the hint that describes it, and the reason it
// could not be changed or read, announced when it appears.
import { useId, type ReactNode } from 'react'
import type { ToggleSetting } from './use-toggle-setting.ts'

interface Props {
  label: string
  hint: ReactNode
  setting: ToggleSetting
  /** Sets aria-busy on the checkbox while a change is being stored. */
  announceBusy?: boolean
}

export function CheckRow({ label, hint, setting, announceBusy = false }: Props) {
  const id = useId()
  const { value, busy, error, change } = setting
  return (
    <>
      <div className="settings-row settings-check">
        <div className="settings-row-text">
          <label className="settings-row-label" htmlFor={id}>
            {label}
          </label>
          <span className="settings-row-hint" id={`${id}-hint`}>
            {hint}
          </span>
        </div>
        <input
          id={id}
          type="checkbox"
          checked={value ?? false}
          disabled={value === undefined}
          aria-busy={announceBusy ? busy : undefined}
          aria-describedby={`${id}-hint`}
          onChange={(e) => change(e.currentTarget.checked)}
        />
      </div>
      {error && (
        <p className="settings-note is-error" role="alert">
          {error}
        </p>
      )}
    </>
  )
}
