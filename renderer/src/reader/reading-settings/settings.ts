// Reading settings (typeface, size, leading, measure, reader theme, mark-at-end): their
// defaults, how they are kept in localStorage, and the CSS custom properties they become.
import type { CSSProperties } from 'react'

export type FontChoice = 'serif' | 'sans' | 'mono'
export type WidthChoice = 'narrow' | 'medium' | 'wide'
export type ReaderTheme = 'app' | 'light' | 'sepia' | 'dark'

export interface ReadingSettings {
  font: FontChoice
  /** Body text size in px. */
  size: number
  lineHeight: number
  width: WidthChoice
  theme: ReaderTheme
  /** Mark the article read when the end is reached, instead of when it is opened. */
  markReadAtEnd: boolean
}

export const FONTS: readonly FontChoice[] = ['serif', 'sans', 'mono']
export const WIDTHS: readonly WidthChoice[] = ['narrow', 'medium', 'wide']
export const READER_THEMES: readonly ReaderTheme[] = ['app', 'light', 'sepia', 'dark']

export const SIZE_MIN = 14
export const SIZE_MAX = 26
export const LEADING_MIN = 1.3
export const LEADING_MAX = 2
export const LEADING_STEP = 0.05

export const STORAGE_KEY = 'quire.reading'

export const DEFAULT_SETTINGS: ReadingSettings = {
  font: 'serif',
  size: 19,
  lineHeight: 1.6,
  width: 'medium',
  theme: 'app',
  markReadAtEnd: true,
}

const MEASURES: Record<WidthChoice, string> = { narrow: '55ch', medium: '68ch', wide: '80ch' }
const FONT_VARS: Record<FontChoice, string> = {
  serif: 'var(--font-serif)',
  sans: 'var(--font-ui)',
  mono: 'var(--font-mono)',
}

function oneOf<T extends string>(choices: readonly T[], value: unknown, fallback: T): T {
  return choices.find((c) => c === value) ?? fallback
}

function inRange(value: unknown, min: number, max: number, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value)
    ? Math.min(max, Math.max(min, value))
    : fallback
}

/** Rounds the leading to its step, so repeated nudges never drift (1.6000000000000003). */
export function roundLeading(value: number): number {
  return Math.round(Math.round(value / LEADING_STEP) * LEADING_STEP * 100) / 100
}

/**
 * Reads whatever was stored into valid settings: unknown or out-of-range fields fall back to
 * their default (or are clamped), so a hand-edited or older value never breaks the reader.
 */
export function parseSettings(raw: unknown): ReadingSettings {
  const o: Record<string, unknown> =
    typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {}
  const d = DEFAULT_SETTINGS
  return {
    font: oneOf(FONTS, o.font, d.font),
    size: Math.round(inRange(o.size, SIZE_MIN, SIZE_MAX, d.size)),
    lineHeight: roundLeading(inRange(o.lineHeight, LEADING_MIN, LEADING_MAX, d.lineHeight)),
    width: oneOf(WIDTHS, o.width, d.width),
    theme: oneOf(READER_THEMES, o.theme, d.theme),
    markReadAtEnd: typeof o.markReadAtEnd === 'boolean' ? o.markReadAtEnd : d.markReadAtEnd,
  }
}

export function loadSettings(): ReadingSettings {
  try {
    const stored = localStorage.getItem(STORAGE_KEY)
    return parseSettings(stored === null ? {} : JSON.parse(stored))
  } catch {
    return DEFAULT_SETTINGS
  }
}

export function saveSettings(settings: ReadingSettings): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(settings))
  } catch {
    // Without storage the settings last until the window closes.
  }
}

/**
 * Whether opening an article should mark it read at once. False while "Mark as read at the
 * end" is on: then opening sets 'reading' and the end of the article sets 'read'.
 */
export function marksReadOnOpen(): boolean {
  return !loadSettings().markReadAtEnd
}

/** The custom properties reader.css reads on the article (no inline <style>: CSP forbids it). */
export function settingsStyle(s: ReadingSettings): CSSProperties {
  return {
    '--reader-font': FONT_VARS[s.font],
    '--reader-size': `${s.size}px`,
    '--reader-leading': String(s.lineHeight),
    '--reader-measure': MEASURES[s.width],
  }
}
