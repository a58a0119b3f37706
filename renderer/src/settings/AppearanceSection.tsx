// Settings > Appearance: the app's theme (the same choice as the sidebar's switch) and how
// roomy the library's rows are (thumbnails and excerpts, or compact).
import { useId } from 'react'
import { Segmented } from '../reader/index.ts'
import {
  LIST_DENSITIES,
  setListDensity,
  useListDensity,
  type ListDensity,
} from '../library/index.ts'
import { THEME_CHOICES, type ThemeChoice } from './theme.ts'
import { SettingsSection } from './SettingsSection.tsx'

const LABELS: Record<ThemeChoice, string> = { system: 'Match system', light: 'Light', dark: 'Dark' }
const DENSITY_LABELS: Record<ListDensity, string> = {
  comfortable: 'Comfortable, with pictures',
  compact: 'Compact',
}

interface Props {
  theme: ThemeChoice
  onTheme(choice: ThemeChoice): void
}

export function AppearanceSection({ theme, onTheme }: Props) {
  const uid = useId()
  const density = useListDensity()
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
      <Segmented
        legend="Library list"
        name={`${uid}-list-density`}
        choices={LIST_DENSITIES}
        value={density}
        label={(c) => DENSITY_LABELS[c]}
        onChange={setListDensity}
      />
    </SettingsSection>
  )
}
