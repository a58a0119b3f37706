// The Settings screen: a modal dialog with the Archive, Sync, Reading, Appearance and Feeds
// sections. Esc or Done closes it; focus starts on its first control.
import { useRef } from 'react'
import type { ArchiveInfo } from '../../../shared/api.ts'
import { Button } from '../ui/Button.tsx'
import { Dialog, DialogHeader, DialogTitle } from '../ui/Dialog.tsx'
import { useReadingSettings } from '../reader/index.ts'
import type { ThemeChoice } from './theme.ts'
import { AppearanceSection } from './AppearanceSection.tsx'
import { ArchiveSection } from './ArchiveSection.tsx'
import { ExtensionSection } from './ExtensionSection.tsx'
import { FeedsSection } from './FeedsSection.tsx'
import { ReadingSection } from './ReadingSection.tsx'
import { SpellingSection } from './SpellingSection.tsx'
import { SyncSection } from './SyncSection.tsx'
import './settings.css'

interface Props {
  info: ArchiveInfo | undefined
  theme: ThemeChoice
  onTheme(choice: ThemeChoice): void
  /** `readingChanged` says whether the reader should pick up new reading settings. */
  onClose(readingChanged: boolean): void
}

export function SettingsDialog({ info, theme, onTheme, onClose }: Props) {
  const done = useRef<HTMLButtonElement>(null)
  const reading = useReadingSettings()
  const readingChanged = useRef(false)
  const close = () => onClose(readingChanged.current)

  return (
    <Dialog className="settings-dialog" initialFocus={done} onClose={close}>
      <DialogHeader className="settings-header" closeLabel="Close settings">
        <DialogTitle>Settings</DialogTitle>
      </DialogHeader>
      <div className="settings-body">
        <ArchiveSection info={info} />
        <SyncSection location={info?.location} />
        <ReadingSection
          settings={reading.settings}
          onChange={(patch) => {
            readingChanged.current = true
            reading.update(patch)
          }}
        />
        <AppearanceSection theme={theme} onTheme={onTheme} />
        <SpellingSection />
        <FeedsSection />
        <ExtensionSection />
      </div>
      <footer className="settings-footer">
        <Button ref={done} variant="primary" onClick={close}>
          Done
        </Button>
      </footer>
    </Dialog>
  )
}
