// System / Light / Dark: a small segmented control that overrides the system's theme.
import type { ThemeChoice } from './theme.ts'
import { Icon, type IconName } from '../ui/Icon.tsx'

const OPTIONS: readonly { id: ThemeChoice; label: string; icon: IconName }[] = [
  { id: 'system', label: 'Match system', icon: 'monitor' },
  { id: 'light', label: 'Light', icon: 'sun' },
  { id: 'dark', label: 'Dark', icon: 'moon' },
]

interface Props {
  choice: ThemeChoice
  onChange(choice: ThemeChoice): void
}

export function ThemeSwitch({ choice, onChange }: Props) {
  return (
    <div className="theme-switch" role="radiogroup" aria-label="Theme">
      {OPTIONS.map((o) => (
        <button
          key={o.id}
          type="button"
          role="radio"
          aria-checked={choice === o.id}
          aria-label={o.label}
          title={o.label}
          className="theme-switch-option"
          onClick={() => onChange(o.id)}
        >
          <Icon name={o.icon} size={15} />
        </button>
      ))}
    </div>
  )
}
