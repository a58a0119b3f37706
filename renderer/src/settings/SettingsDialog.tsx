// The Settings screen: a modal dialog with the Archive, Reading, Appearance and Feeds
// sections. Esc or Done closes it; focus starts on its first control.
import { useEffect, useRef } from 'react'
import type { ArchiveInfo } from '../../../shared/api.ts'
import { Icon } from '../components/Icon.tsx'
import { useReadingSettings } from '../reading-settings/use-reading-settings.ts'
import type { ThemeChoice } from '../theme/theme.ts'
import { AppearanceSection } from './AppearanceSection.tsx'
import { ArchiveSection } from './ArchiveSection.tsx'
import { FeedsSection } from './FeedsSection.tsx'
import { ReadingSection } from './ReadingSection.tsx'
import { SpellingSection } from './SpellingSection.tsx'
import './settings.css'

interface Props {
  info: ArchiveInfo | undefined
  theme: ThemeChoice
  onTheme(choice: ThemeChoice): void
  /** `readingChanged` says whether the reader should pick up new reading settings. */
  onClose(readingChanged: boolean): void
}

export function SettingsDialog({ info, theme, onTheme, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null)
  const done = useRef<HTMLButtonElement>(null)
  const reading = useReadingSettings()
  const readingChanged = useRef(false)
  const close = () => onClose(readingChanged.current)

  useEffect(() => {
    const el = dialog.current
    if (el && !el.open) el.showModal()
    // React's autoFocus runs before showModal, which then moves focus itself: set it after.
    done.current?.focus()
    return () => {
      if (el?.open) el.close()
    }
  }, [])

  return (
    <dialog
      ref={dialog}
      className="dialog settings-dialog"
      aria-labelledby="settings-title"
      onCancel={(e) => {
        e.preventDefault()
        close()
      }}
    >
      <header className="settings-header">
        <h2 id="settings-title" className="dialog-title">
          Settings
        </h2>
        <button
          type="button"
          className="icon-button"
          aria-label="Close settings"
          title="Close (Esc)"
          onClick={close}
        >
          <Icon name="close" size={16} />
        </button>
      </header>
      <div className="settings-body">
        <ArchiveSection info={info} />
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
      </div>
      <footer className="settings-footer">
        <button ref={done} type="button" className="button button-primary" onClick={close}>
          Done
        </button>
      </footer>
    </dialog>
  )
}
