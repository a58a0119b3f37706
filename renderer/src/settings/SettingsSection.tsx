// One titled section of the Settings dialog: its heading names the section for screen
// readers, and its controls sit on one card.
import type { ReactNode } from 'react'

interface Props {
  /** The heading's id, e.g. "settings-archive"; tests and aria-labelledby find it by this. */
  id: string
  title: string
  /** Extra class on the card, for a section that lays its controls out differently. */
  cardClassName?: string
  children: ReactNode
}

export function SettingsSection({ id, title, cardClassName, children }: Props) {
  return (
    <section className="settings-section" aria-labelledby={id}>
      <h3 id={id} className="settings-section-title">
        {title}
      </h3>
      <div className={cardClassName ? `settings-card ${cardClassName}` : 'settings-card'}>
        {children}
      </div>
    </section>
  )
}
