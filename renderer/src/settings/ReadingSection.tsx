// Settings > Reading: the defaults the reader opens with (the same settings its "Aa" menu
// changes) and when an article counts as read.
import { useId } from 'react'
import { Segmented } from '../reading-settings/ReadingSettingsMenu.tsx'
import {
  FONTS,
  READER_THEMES,
  SIZE_MAX,
  SIZE_MIN,
  WIDTHS,
  type ReadingSettings,
} from '../reading-settings/settings.ts'
import '../reading-settings/reading-settings.css'

const FONT_LABELS = { serif: 'Serif', sans: 'Sans', mono: 'Mono' } as const
const WIDTH_LABELS = { narrow: 'Narrow', medium: 'Medium', wide: 'Wide' } as const
const THEME_LABELS = { app: 'Auto', light: 'Light', sepia: 'Sepia', dark: 'Dark' } as const

interface Props {
  settings: ReadingSettings
  onChange(patch: Partial<ReadingSettings>): void
}

export function ReadingSection({ settings, onChange }: Props) {
  const uid = useId()
  const sizeId = `${uid}-size`
  return (
    <section className="settings-section" aria-labelledby="settings-reading">
      <h3 id="settings-reading" className="settings-section-title">
        Reading
      </h3>
      <div className="settings-card settings-reading">
        <Segmented
          legend="Font"
          name={`${uid}-font`}
          choices={FONTS}
          value={settings.font}
          label={(c) => FONT_LABELS[c]}
          onChange={(font) => onChange({ font })}
        />
        <div className="rs-field">
          <label className="rs-label" htmlFor={sizeId}>
            Text size <output className="rs-value">{settings.size} px</output>
          </label>
          <input
            id={sizeId}
            className="rs-range"
            type="range"
            min={SIZE_MIN}
            max={SIZE_MAX}
            step={1}
            value={settings.size}
            onChange={(e) => onChange({ size: e.currentTarget.valueAsNumber })}
          />
        </div>
        <Segmented
          legend="Text width"
          name={`${uid}-width`}
          choices={WIDTHS}
          value={settings.width}
          label={(c) => WIDTH_LABELS[c]}
          onChange={(width) => onChange({ width })}
        />
        <Segmented
          legend="Reader theme"
          name={`${uid}-theme`}
          choices={READER_THEMES}
          value={settings.theme}
          label={(c) => (
            <>
              <i className="rs-swatch" aria-hidden="true" />
              {THEME_LABELS[c]}
            </>
          )}
          onChange={(theme) => onChange({ theme })}
        />
        <label className="rs-check settings-check">
          <input
            type="checkbox"
            checked={settings.markReadAtEnd}
            onChange={(e) => onChange({ markReadAtEnd: e.currentTarget.checked })}
          />
          <span>
            Mark as read at the end
            <small className="settings-row-hint">
              Otherwise an article is marked read as soon as it is opened.
            </small>
          </span>
        </label>
      </div>
    </section>
  )
}
