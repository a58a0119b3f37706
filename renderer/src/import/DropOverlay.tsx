// Shown while files are dragged over the window: says that letting go imports them.
import { Icon } from '../ui/Icon.tsx'

export function DropOverlay({ visible }: { visible: boolean }) {
  if (!visible) return null
  return (
    <div className="drop-overlay" data-testid="drop-overlay" aria-hidden="true">
      <div className="drop-overlay-card">
        <Icon name="import" size={34} />
        <p className="drop-overlay-title">Drop to import</p>
        <p className="drop-overlay-hint">Text files become articles in your Inbox.</p>
      </div>
    </div>
  )
}
