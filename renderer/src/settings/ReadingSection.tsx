// Settings > Reading: the defaults the reader opens with (the same settings its "Aa" menu
// changes) and when an article counts as read.
import { ReadingControls, type ReadingSettings } from '../reader/index.ts'
import { SettingsSection } from './SettingsSection.tsx'

interface Props {
  settings: ReadingSettings
  onChange(patch: Partial<ReadingSettings>): void
}

export function ReadingSection({ settings, onChange }: Props) {
  return (
    <SettingsSection id="settings-reading" title="Reading" cardClassName="settings-reading">
      <ReadingControls
        settings={settings}
        onChange={onChange}
        markReadHint="Otherwise an article is marked read as soon as it is opened."
      />
    </SettingsSection>
  )
}
