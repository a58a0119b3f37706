// Reading settings: what a stored value turns into, and the custom properties they set.
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_SETTINGS,
  parseSettings,
  roundLeading,
  settingsStyle,
} from '../../../../../renderer/src/reader/reading-settings/settings.ts'

describe('reading settings', () => {
  it('keeps valid stored settings as they are', () => {
    const stored = {
      font: 'sans',
      size: 22,
      lineHeight: 1.8,
      width: 'wide',
      theme: 'sepia',
      markReadAtEnd: false,
    }
    expect(parseSettings(stored)).toEqual(stored)
  })

  it('falls back to the defaults for anything missing or unknown', () => {
    expect(parseSettings(null)).toEqual(DEFAULT_SETTINGS)
    expect(parseSettings('serif')).toEqual(DEFAULT_SETTINGS)
    expect(parseSettings({ font: 'comic', width: 3, theme: 'neon', markReadAtEnd: 'yes' })).toEqual(
      DEFAULT_SETTINGS,
    )
  })

  it('clamps sizes and line heights into their ranges', () => {
    expect(parseSettings({ size: 90 }).size).toBe(26)
    expect(parseSettings({ size: 2 }).size).toBe(14)
    expect(parseSettings({ size: 17.4 }).size).toBe(17)
    expect(parseSettings({ size: Number.NaN }).size).toBe(DEFAULT_SETTINGS.size)
    expect(parseSettings({ lineHeight: 5 }).lineHeight).toBe(2)
    expect(parseSettings({ lineHeight: 0.5 }).lineHeight).toBe(1.3)
  })

  it('rounds the line height to its step without float drift', () => {
    expect(roundLeading(1.6000000000000003)).toBe(1.6)
    expect(roundLeading(1.43)).toBe(1.45)
  })

  it('becomes custom properties for the article', () => {
    expect(settingsStyle({ ...DEFAULT_SETTINGS, font: 'mono', size: 15, width: 'narrow' })).toEqual(
      {
        '--reader-font': 'var(--font-mono)',
        '--reader-size': '15px',
        '--reader-leading': '1.6',
        '--reader-measure': '55ch',
      },
    )
  })
})
