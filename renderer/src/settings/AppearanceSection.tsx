// Settings > Appearance: the app's theme (the same choice as the sidebar's switch).
import { useId } from 'react'
import { Segmented } from '../reader/index.ts'
import { THEME_CHOICES, type ThemeChoice } from './theme.ts'
import { SettingsSection } from './SettingsSection.tsx'

const LABELS: Record<ThemeChoice, string> = { system: 'Match system', light: 'Light', dark: 'Dark' }

interface Props {
  theme: ThemeChoice
  onTheme(choice: ThemeChoice): void
}

export function AppearanceSection({ theme, onTheme }: Props) {
  const uid = useId()
  return (
    <SettingsSection id="settings-appearance" title="Appearance">
      <Segmented
        legend="App theme"
        name={`${uid}-app-theme`}
        choices={THEME_CHOICES}
        value={theme}
        label={(c) => LABELS[c]}
        onChange={onTheme}
      />
    </SettingsSection>
  )
}
