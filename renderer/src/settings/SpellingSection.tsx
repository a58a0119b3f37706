// Settings > Spelling (desktop app only): spellchecking is off unless turned on here, because
// turning it on makes Electron download a dictionary, and Quire otherwise works offline.
import { useEffect, useState } from 'react'
import { useClient } from '../api/client-context.ts'
import { CheckRow } from './CheckRow.tsx'
import { SettingsSection } from './SettingsSection.tsx'
import { useToggleSetting } from './use-toggle-setting.ts'

export function SpellingSection() {
  const client = useClient()
  const [desktop, setDesktop] = useState(false)
  const setting = useToggleSetting((next) =>
    client.call('app:setSettings', { spellcheck: next }).then((s) => s.spellcheck),
  )
  const { setValue } = setting

  useEffect(() => {
    let live = true
    client.call('app:getSettings', {}).then(
      (s) => {
        if (!live) return
        setDesktop(s.desktop)
        setValue(s.spellcheck)
      },
      () => {},
    )
    return () => {
      live = false
    }
  }, [client, setValue])

  // In the browser shell the browser checks spelling by its own settings.
  if (!desktop) return null

  return (
    <SettingsSection id="settings-spelling" title="Spelling">
      <CheckRow
        label="Check spelling as you type"
        hint="On Windows and Linux this downloads the dictionary for your language from Google’s servers (the first time, and when it is updated); nothing you type is sent. Off, Quire makes no such request. Takes effect the next time Quire starts."
        setting={setting}
      />
    </SettingsSection>
  )
}
