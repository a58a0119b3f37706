import { describe, expect, it } from 'vitest'
import { isThemeChoice, resolveTheme } from '../../../../renderer/src/settings/theme.ts'

describe('theme', () => {
  it('follows the system until the person chooses', () => {
    expect(resolveTheme('system', true)).toBe('dark')
    expect(resolveTheme('system', false)).toBe('light')
    expect(resolveTheme('light', true)).toBe('light')
    expect(resolveTheme('dark', false)).toBe('dark')
  })

  it('accepts only known stored values', () => {
    expect(isThemeChoice('dark')).toBe(true)
    expect(isThemeChoice('sepia')).toBe(false)
    expect(isThemeChoice(null)).toBe(false)
  })
})
