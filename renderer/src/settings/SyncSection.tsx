// Settings > Sync: where the archive is synced, this device and the others seen, conflict
// copies waiting and the last merge, with the copies that could not be merged and where
// they are kept. The same facts as `quire sync-status`; live while open (use-sync-status.ts).
import { useState } from 'react'
import type { SyncStatusView } from '../../../shared/api.ts'
import { useClient } from '../api/client-context.ts'
import { errorReason } from '../api/describe-error.ts'
import { Button } from '../ui/Button.tsx'
import { plural } from '../ui/format/article-meta.ts'
import { SettingsSection } from './SettingsSection.tsx'
import { engineHint, engineLabel, mergeSummary, mergeTime, pendingText } from './sync-text.ts'
import { useSyncStatus } from './use-sync-status.ts'
import './sync.css'

interface Props {
  /** The archive folder as shown in Settings > Archive, to say where unmerged copies are. */
  location: string | undefined
}

export function SyncSection({ location }: Props) {
  const { status, error, heard } = useSyncStatus()
  return (
    <SettingsSection id="settings-sync" title="Sync" cardClassName="sync-card">
      {error && <p className="settings-note is-error">{error}</p>}
      {!status && !error && <p className="settings-row-hint">Reading the sync state…</p>}
      {status && <SyncFacts status={status} location={location} />}
      <p className="sync-live" role="status" data-testid="sync-heard">
        {heard ?? ''}
      </p>
    </SettingsSection>
  )
}

function SyncFacts({ status: s, location }: { status: SyncStatusView; location?: string }) {
  const m = s.lastMerge
  return (
    <>
      <div className="settings-row-text" data-testid="sync-engine">
        <span className="settings-row-label">{engineLabel(s)}</span>
        {s.syncedFolder && <span className="settings-archive-location">{s.syncedFolder}</span>}
        <span className="settings-row-hint sync-wrap">{engineHint(s)}</span>
      </div>
      <dl className="sync-facts">
        <div>
          <dt>This device</dt>
          <dd data-testid="sync-device">
            {s.device.name} <code className="sync-id">{s.device.id}</code>
          </dd>
        </div>
        <div>
          <dt>Devices seen</dt>
          <dd>
            <ul className="sync-devices" data-testid="sync-devices">
              {s.devices.map((d) => (
                <li key={d}>
                  <code className="sync-id">{d}</code>
                  {d === s.device.id && <span className="sync-this"> this device</span>}
                </li>
              ))}
            </ul>
          </dd>
        </div>
        <div>
          <dt>Conflict copies</dt>
          <dd data-testid="sync-pending">
            {pendingText(s.pending)}
            {s.pending.length > 0 && (
              <ul className="sync-files">
                {s.pending.map((f) => (
                  <li key={f}>
                    <code>{f}</code>
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div>
          <dt>Last merge</dt>
          <dd data-testid="sync-last-merge">
            {m ? (
              <>
                <time dateTime={m.at}>{mergeTime(m.at)}</time>
                <span className="sync-summary">{mergeSummary(m)}</span>
              </>
            ) : (
              'None yet: no other device’s copy has needed merging'
            )}
          </dd>
        </div>
      </dl>
      {s.unmergedKept.length > 0 && <Unmerged status={s} location={location} />}
    </>
  )
}

/** The copies kept aside, each with what it was a copy of and why, when the last merge says. */
function Unmerged({
  status: s,
  location,
}: {
  status: SyncStatusView
  location?: string | undefined
}) {
  const folder = s.unmergedFolder
  const known = new Map(s.lastMerge?.unmerged.map((u) => [u.keptAt.split('/').pop(), u]))
  const n = s.unmergedKept.length
  const client = useClient()
  const [note, setNote] = useState<{ text: string; path?: string } | null>(null)
  const where = location ? `${location}/${folder}` : folder
  const reveal = async () => {
    setNote(null)
    try {
      const { opened } = await client.call('sync:revealUnmerged', {})
      if (!opened) setNote({ text: 'Open this folder in your file manager:', path: where })
    } catch (err) {
      setNote({ text: errorReason(err) })
    }
  }
  return (
    <div className="sync-unmerged" data-testid="sync-unmerged">
      <p className="sync-unmerged-title">{plural(n, 'copy', 'copies')} could not be merged</p>
      <p className="sync-wrap">
        The sync engine left {n === 1 ? 'a copy' : 'copies'} Quire could not read, so nothing in{' '}
        {n === 1 ? 'it' : 'them'} was merged. Quire never deletes such a copy: it is kept as it was
        in <code>{folder}</code> for you to look at. Your archive itself is unaffected; delete the
        copies once you no longer need them.
      </p>
      <ul className="sync-files">
        {s.unmergedKept.map((name) => {
          const u = known.get(name)
          return (
            <li key={name}>
              <code>{u?.file ?? name}</code>
              {u && <span className="settings-row-hint sync-wrap">{u.reason}</span>}
            </li>
          )
        })}
      </ul>
      <div className="sync-unmerged-actions">
        <Button className="settings-button" onClick={() => void reveal()}>
          Show folder
        </Button>
      </div>
      {note && (
        <p className="settings-note sync-wrap" role="status">
          {note.text} {note.path && <code>{note.path}</code>}
        </p>
      )}
    </div>
  )
}
