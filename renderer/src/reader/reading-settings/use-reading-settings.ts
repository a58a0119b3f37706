// The reading settings as React state, saved to localStorage on every change.
import { useCallback, useState } from 'react'
import { loadSettings, parseSettings, saveSettings, type ReadingSettings } from './settings.ts'

export interface ReadingSettingsState {
  settings: ReadingSettings
  /** Merges a change, re-validating it, and saves the result. */
  update(patch: Partial<ReadingSettings>): void
}

export function useReadingSettings(): ReadingSettingsState {
  const [settings, setSettings] = useState<ReadingSettings>(loadSettings)
  const update = useCallback((patch: Partial<ReadingSettings>) => {
    setSettings((prev) => {
      const next = parseSettings({ ...prev, ...patch })
      saveSettings(next)
      return next
    })
  }, [])
  return { settings, update }
}
