// Settings: the Settings dialog, the theme and the feed-refresh preference.
// Its public API: other features and app/ import from this file only (eslint.config.js).
export { SettingsDialog } from './SettingsDialog.tsx'
export { ThemeSwitch } from './ThemeSwitch.tsx'
export { loadRefreshMinutes } from './feed-settings.ts'
export {
  applyTheme,
  loadThemeChoice,
  resolveTheme,
  systemPrefersDark,
  type ThemeChoice,
} from './theme.ts'
export { useSettingsShortcut } from './use-settings-shortcut.ts'
export { useTheme } from './use-theme.ts'
