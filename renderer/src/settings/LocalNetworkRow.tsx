// Settings > Feeds: "Allow local network sources", an archive option kept in quire.json
// (options:get / options:set), so it follows the archive rather than this window.
import { useEffect, useId, useState } from 'react'
import { useClient } from '../api/client-context.ts'
import { describeError } from '../api/describe-error.ts'

export function LocalNetworkRow() {
  const client = useClient()
  const id = useId()
  const [allowed, setAllowed] = useState<boolean>()
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    let live = true
    client.call('options:get', {}).then(
      (o) => live && setAllowed(o.allowLocalNetwork),
      (err: unknown) => live && setError(describeError('read this setting', err)),
    )
    return () => {
      live = false
    }
  }, [client])

  const change = (next: boolean) => {
    // Shown at once; put back if the archive refuses (read-only).
    const before = allowed
    setAllowed(next)
    setBusy(true)
    setError(undefined)
    client.call('options:set', { allowLocalNetwork: next }).then(
      (o) => {
        setAllowed(o.allowLocalNetwork)
        setBusy(false)
      },
      (err: unknown) => {
        setAllowed(before)
        setError(describeError('change this setting', err))
        setBusy(false)
      },
    )
  }

  return (
    <>
      <div className="settings-row settings-check">
        <div className="settings-row-text">
          <label className="settings-row-label" htmlFor={id}>
            Allow local network sources
          </label>
          <span className="settings-row-hint" id={`${id}-hint`}>
            Feeds, their pages and images may come from this computer or your home network; off
            keeps a hostile feed away from them.
          </span>
        </div>
        <input
          id={id}
          type="checkbox"
          checked={allowed ?? false}
          disabled={allowed === undefined}
          aria-busy={busy}
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
