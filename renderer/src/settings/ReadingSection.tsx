// Settings > Reading: the defaults the reader opens with (the same settings its "Aa" menu
// changes) and when an article counts as read.
import { ReadingControls, type ReadingSettings } from '../reader/index.ts'

interface Props {
  settings: ReadingSettings
  onChange(patch: Partial<ReadingSettings>): void
}

export function ReadingSection({ settings, onChange }: Props) {
  return (
    <section className="settings-section" aria-labelledby="settings-reading">
      <h3 id="settings-reading" className="settings-section-title">
        Reading
      </h3>
      <div className="settings-card settings-reading">
        <ReadingControls
          settings={settings}
          onChange={onChange}
          markReadHint="Otherwise an article is marked read as soon as it is opened."
        />
      </div>
    </section>
  )
}
