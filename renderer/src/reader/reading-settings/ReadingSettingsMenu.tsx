// The reader's "Aa" button and its popover: typeface, size, line height, text width, reader
// theme and whether reaching the end marks the article read. Esc and a click outside close it
// (the Popover API's own light dismiss).
import { Popover } from '../../ui/Popover.tsx'
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
      <Popover
        id={POPOVER_ID}
        label="Reading settings"
        className="rs-popover"
        initialFocus="input:checked, input, button"
        trigger={{
          className: 'rs-button',
          'aria-label': 'Reading settings',
          title: 'Reading settings',
          children: (
            <span aria-hidden="true">
              A<small>a</small>
            </span>
          ),
        }}
      >
        <ReadingControls settings={settings} onChange={onChange} />
      </Popover>
    </div>
  )
}
