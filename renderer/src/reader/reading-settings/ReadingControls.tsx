// The reading controls: typeface, size, line height, text width, reader theme and whether
// reaching the end marks an article read. Shown in the reader's "Aa" popover and, as the
// defaults, in Settings > Reading.
import { useId, type ReactNode } from 'react'
import {
  FONTS,
  LEADING_MAX,
  LEADING_MIN,
  LEADING_STEP,
  READER_THEMES,
  SIZE_MAX,
  SIZE_MIN,
  WIDTHS,
  type ReadingSettings,
} from './settings.ts'
import './reading-settings.css'

const FONT_LABELS = { serif: 'Serif', sans: 'Sans', mono: 'Mono' } as const
const WIDTH_LABELS = { narrow: 'Narrow', medium: 'Medium', wide: 'Wide' } as const
const THEME_LABELS = { app: 'Auto', light: 'Light', sepia: 'Sepia', dark: 'Dark' } as const
const THEME_TITLES = { app: 'Follow the app', light: 'Light', sepia: 'Sepia', dark: 'Dark' }

interface Props {
  settings: ReadingSettings
  onChange(patch: Partial<ReadingSettings>): void
  /** A line under "Mark as read at the end" (Settings explains the alternative). */
  markReadHint?: string
}

/** A row of native radios drawn as a segmented control: arrows move, Tab leaves. */
export function Segmented<T extends string>(props: {
  legend: string
  name: string
  choices: readonly T[]
  value: T
  label(choice: T): ReactNode
  title?(choice: T): string
  onChange(choice: T): void
}) {
  return (
    <fieldset className="rs-field">
      <legend className="rs-label">{props.legend}</legend>
      <div className="rs-segmented">
        {props.choices.map((c) => (
          <label key={c} className="rs-segment" data-choice={c} title={props.title?.(c)}>
            <input
              type="radio"
              name={props.name}
              value={c}
              checked={c === props.value}
              onChange={() => props.onChange(c)}
            />
            <span>{props.label(c)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  )
}

export function ReadingControls({ settings, onChange, markReadHint }: Props) {
  const uid = useId()
  const sizeId = `${uid}-size`
  const leadingId = `${uid}-leading`
  return (
    <>
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
        <div className="rs-stepper">
          <button
            type="button"
            className="rs-step"
            aria-label="Smaller text"
            disabled={settings.size <= SIZE_MIN}
            onClick={() => onChange({ size: settings.size - 1 })}
          >
            −
          </button>
          <input
            id={sizeId}
            type="range"
            min={SIZE_MIN}
            max={SIZE_MAX}
            step={1}
            value={settings.size}
            onChange={(e) => onChange({ size: e.currentTarget.valueAsNumber })}
          />
          <button
            type="button"
            className="rs-step"
            aria-label="Larger text"
            disabled={settings.size >= SIZE_MAX}
            onClick={() => onChange({ size: settings.size + 1 })}
          >
            +
          </button>
        </div>
      </div>

      <div className="rs-field">
        <label className="rs-label" htmlFor={leadingId}>
          Line height <output className="rs-value">{settings.lineHeight.toFixed(2)}</output>
        </label>
        <input
          id={leadingId}
          className="rs-range"
          type="range"
          min={LEADING_MIN}
          max={LEADING_MAX}
          step={LEADING_STEP}
          value={settings.lineHeight}
          onChange={(e) => onChange({ lineHeight: e.currentTarget.valueAsNumber })}
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
        title={(c) => THEME_TITLES[c]}
        onChange={(theme) => onChange({ theme })}
      />

      <label className="rs-check">
        <input
          type="checkbox"
          checked={settings.markReadAtEnd}
          onChange={(e) => onChange({ markReadAtEnd: e.currentTarget.checked })}
        />
        <span>
          Mark as read at the end
          {markReadHint && <small className="settings-row-hint">{markReadHint}</small>}
        </span>
      </label>
    </>
  )
}
