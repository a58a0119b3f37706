// The theme as React state: follows the system until the user picks light or dark.
import { useEffect, useState } from 'react'
import {
  applyTheme,
  loadThemeChoice,
  resolveTheme,
  saveThemeChoice,
  systemPrefersDark,
  type ResolvedTheme,
  type ThemeChoice,
} from './theme.ts'

export interface ThemeState {
  choice: ThemeChoice
  resolved: ResolvedTheme
  setChoice(choice: ThemeChoice): void
}

export function useTheme(): ThemeState {
  const [choice, setChoiceState] = useState<ThemeChoice>(loadThemeChoice)
  const [systemDark, setSystemDark] = useState(() => systemPrefersDark().matches)

  useEffect(() => {
    const query = systemPrefersDark()
    const onChange = (e: MediaQueryListEvent) => setSystemDark(e.matches)
    query.addEventListener('change', onChange)
    return () => query.removeEventListener('change', onChange)
  }, [])

  const resolved = resolveTheme(choice, systemDark)
  useEffect(() => applyTheme(resolved), [resolved])

  return {
    choice,
    resolved,
    setChoice(next) {
      saveThemeChoice(next)
      setChoiceState(next)
    },
  }
}
