// A calm message where content would be, saying what to do next.
import type { ReactNode } from 'react'
import { Icon, type IconName } from './Icon.tsx'

interface Props {
  icon: IconName
  title: string
  hint: string
  children?: ReactNode
  tone?: 'neutral' | 'error'
}

export function EmptyState({ icon, title, hint, children, tone = 'neutral' }: Props) {
  return (
    <div
      className={`empty-state empty-state-${tone}`}
      role={tone === 'error' ? 'alert' : undefined}
    >
      <div className="empty-state-icon">
        <Icon name={icon} size={26} />
      </div>
      <p className="empty-state-title">{title}</p>
      <p className="empty-state-hint">{hint}</p>
      {children && <div className="empty-state-actions">{children}</div>}
    </div>
  )
}
