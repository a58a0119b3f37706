// Settings > Spelling (desktop app only): spellchecking is off unless turned on here, because
// turning it on makes Electron download a dictionary, and Quire otherwise works offline.
import { useEffect, useId, useState } from 'react'
import { useClient } from '../api/client-context.ts'
import { describeError } from '../api/describe-error.ts'

export function SpellingSection() {
  const client = useClient()
  const id = useId()
  const [on, setOn] = useState<boolean>()
  const [desktop, setDesktop] = useState(false)
  const [error, setError] = useState<string>()

  useEffect(() => {
    let live = true
    client.call('app:getSettings', {}).then(
      (s) => {
        if (!live) return
        setDesktop(s.desktop)
        setOn(s.spellcheck)
      },
      () => {},
    )
    return () => {
      live = false
    }
  }, [client])

  // In the browser shell the browser checks spelling by its own settings.
  if (!desktop) return null

  const change = (next: boolean) => {
    const before = on
    setOn(next)
    setError(undefined)
    client.call('app:setSettings', { spellcheck: next }).then(
      (s) => setOn(s.spellcheck),
      (err: unknown) => {
        setOn(before)
        setError(describeError('change this setting', err))
      },
    )
  }

  return (
    <section className="settings-section" aria-labelledby="settings-spelling">
      <h3 id="settings-spelling" className="settings-section-title">
        Spelling
      </h3>
      <div className="settings-card">
        <div className="settings-row settings-check">
          <div className="settings-row-text">
            <label className="settings-row-label" htmlFor={id}>
              Check spelling as you type
            </label>
            <span className="settings-row-hint" id={`${id}-hint`}>
              On Windows and Linux this downloads the dictionary for your language from Google’s
              servers (the first time, and when it is updated); nothing you type is sent. Off, Quire
              makes no such request. Takes effect the next time Quire starts.
            </span>
          </div>
          <input
            id={id}
            type="checkbox"
            checked={on ?? false}
            disabled={on === undefined}
            aria-describedby={`${id}-hint`}
            onChange={(e) => change(e.currentTarget.checked)}
          />
        </div>
        {error && (
          <p className="settings-note is-error" role="alert">
            {error}
          </p>
        )}
      </div>
    </section>
  )
}
