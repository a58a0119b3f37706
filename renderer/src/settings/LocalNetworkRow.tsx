// Settings > Feeds: "Allow local network sources", an archive option kept in quire.json
// (options:get / options:set), so it follows the archive rather than this window.
import { useEffect } from 'react'
import { useClient } from '../api/client-context.ts'
import { describeError } from '../api/describe-error.ts'
import { CheckRow } from './CheckRow.tsx'
import { useToggleSetting } from './use-toggle-setting.ts'

export function LocalNetworkRow() {
  const client = useClient()
  // Shown at once; put back if the archive refuses (read-only).
  const setting = useToggleSetting((next) =>
    client.call('options:set', { allowLocalNetwork: next }).then((o) => o.allowLocalNetwork),
  )
  const { setValue, setError } = setting

  useEffect(() => {
    let live = true
    client.call('options:get', {}).then(
      (o) => live && setValue(o.allowLocalNetwork),
      (err: unknown) => live && setError(describeError('read this setting', err)),
    )
    return () => {
      live = false
    }
  }, [client, setValue, setError])

  return (
    <CheckRow
      label="Allow local network sources"
      hint="Feeds, their pages and images may come from this computer or your home network; off keeps a hostile feed away from them."
      setting={setting}
      announceBusy
    />
  )
}
