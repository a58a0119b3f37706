// The colour theme: the user's choice (system, light or dark) kept in localStorage, and the
// resolved theme written to <html data-theme> so CSS has a single switch.

export type ThemeChoice = 'system' | 'light' | 'dark'
export type ResolvedTheme = 'light' | 'dark'

export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark']
const STORAGE_KEY = 'quire.theme'
const DARK_QUERY = '(prefers-color-scheme: dark)'

export function isThemeChoice(value: unknown): value is ThemeChoice {
  return value === 'system' || value === 'light' || value === 'dark'
}

export function loadThemeChoice(): ThemeChoice {
  try {
    const stored = localStorage.getItem(STORAGE_KEY)
    return isThemeChoice(stored) ? stored : 'system'
  } catch {
    return 'system'
  }
}

export function saveThemeChoice(choice: ThemeChoice): void {
  try {
    if (choice === 'system') localStorage.removeItem(STORAGE_KEY)
    else localStorage.setItem(STORAGE_KEY, choice)
  } catch {
    // Without storage the choice lasts until the window closes.
  }
}

export function systemPrefersDark(): MediaQueryList {
  return matchMedia(DARK_QUERY)
}

export function resolveTheme(choice: ThemeChoice, systemDark: boolean): ResolvedTheme {
  if (choice === 'system') return systemDark ? 'dark' : 'light'
  return choice
}

export function applyTheme(theme: ResolvedTheme): void {
  const root = document.documentElement
  if (root.dataset.theme === theme) return
  root.dataset.themeChanging = ''
  root.dataset.theme = theme
  // Two frames: one to paint the new colours without transitions, one to let them back.
  requestAnimationFrame(() => requestAnimationFrame(() => delete root.dataset.themeChanging))
}
