import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  DEFAULT_REFRESH,
  isRefreshMinutes,
  loadRefreshMinutes,
  saveRefreshMinutes,
} from '../../../../renderer/src/settings/feed-settings.ts'
import { isSettingsKey } from '../../../../renderer/src/settings/use-settings-shortcut.ts'

afterEach(() => {
  vi.unstubAllGlobals()
})

function memoryStorage() {
  const values = new Map<string, string>()
  return {
    getItem: (k: string) => values.get(k) ?? null,
    setItem: (k: string, v: string) => void values.set(k, v),
  }
}

describe('settings shortcut', () => {
  it('is `,` (with or without Cmd/Ctrl), never with Alt or Shift', () => {
    expect(isSettingsKey({ key: ',', altKey: false, shiftKey: false })).toBe(true)
    expect(isSettingsKey({ key: ',', altKey: true, shiftKey: false })).toBe(false)
    expect(isSettingsKey({ key: '<', altKey: false, shiftKey: true })).toBe(false)
    expect(isSettingsKey({ key: '.', altKey: false, shiftKey: false })).toBe(false)
  })
})

describe('feed refresh interval', () => {
  it('keeps a known interval and falls back to the default for anything else', () => {
    vi.stubGlobal('localStorage', memoryStorage())
    expect(loadRefreshMinutes()).toBe(DEFAULT_REFRESH)
    saveRefreshMinutes(240)
    expect(loadRefreshMinutes()).toBe(240)
    localStorage.setItem('quire.feeds.refresh', '7')
    expect(loadRefreshMinutes()).toBe(DEFAULT_REFRESH)
    expect(isRefreshMinutes(0)).toBe(true)
    expect(isRefreshMinutes('60')).toBe(false)
  })

  it('uses the default when storage is unavailable', () => {
    vi.stubGlobal('localStorage', undefined)
    expect(loadRefreshMinutes()).toBe(DEFAULT_REFRESH)
    expect(() => saveRefreshMinutes(30)).not.toThrow()
  })
})
