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

export function FeedsSection() {
  const id = useId()
  const [minutes, setMinutes] = useState(loadRefreshMinutes)
  return (
    <section className="settings-section" aria-labelledby="settings-feeds">
      <h3 id="settings-feeds" className="settings-section-title">
        Feeds
      </h3>
      <div className="settings-card">
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
      </div>
    </section>
  )
}
