// The reader's "Aa" button and its popover: typeface, size, line height, text width, reader
// theme and whether reaching the end marks the article read. Esc and a click outside close it
// (the Popover API's own light dismiss).
import { ReadingControls } from './ReadingControls.tsx'
import type { ReadingSettings } from './settings.ts'

const POPOVER_ID = 'reading-settings'

interface Props {
  settings: ReadingSettings
  onChange(patch: Partial<ReadingSettings>): void
}

export function ReadingSettingsMenu({ settings, onChange }: Props) {
  return (
    <div className="rs">
      <button
        type="button"
        className="rs-button"
        popoverTarget={POPOVER_ID}
        aria-haspopup="dialog"
        aria-label="Reading settings"
        title="Reading settings"
      >
        <span aria-hidden="true">
          A<small>a</small>
        </span>
      </button>
      <div
        id={POPOVER_ID}
        className="rs-popover"
        popover="auto"
        role="dialog"
        aria-label="Reading settings"
        onToggle={(e) => {
          if (e.newState !== 'open') return
          e.currentTarget.querySelector<HTMLElement>('input:checked, input, button')?.focus()
        }}
      >
        <ReadingControls settings={settings} onChange={onChange} />
      </div>
    </div>
  )
}
