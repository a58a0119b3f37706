// Settings > Feeds: how often subscriptions refresh while Quire runs, and whether feeds may
// reach the local network.
import { useId, useState } from 'react'
import {
  isRefreshMinutes,
  loadRefreshMinutes,
  REFRESH_CHOICES,
  saveRefreshMinutes,
} from './feed-settings.ts'
import { LocalNetworkRow } from './LocalNetworkRow.tsx'
import { SettingsSection } from './SettingsSection.tsx'

export function FeedsSection() {
  const id = useId()
  const [minutes, setMinutes] = useState(loadRefreshMinutes)
  return (
    <SettingsSection id="settings-feeds" title="Feeds">
      <div className="settings-row">
        <div className="settings-row-text">
          <label className="settings-row-label" htmlFor={id}>
            Refresh feeds
          </label>
          <span className="settings-row-hint">
            While Quire is open; new articles are announced quietly.
          </span>
        </div>
        <select
          id={id}
          className="settings-select"
          value={minutes}
          onChange={(e) => {
            const next = Number(e.currentTarget.value)
            if (!isRefreshMinutes(next)) return
            saveRefreshMinutes(next)
            setMinutes(next)
          }}
        >
          {REFRESH_CHOICES.map((c) => (
            <option key={c.minutes} value={c.minutes}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      <LocalNetworkRow />
    </SettingsSection>
  )
}
