// Over an earlier version in the reader: what it is, and the way back to the current body.
import { formatReplacedAt } from './version-text.ts'
import './versions.css'
import { Button } from '../../ui/Button.tsx'

interface Props {
  replacedAt: string | undefined
  status: 'loading' | 'ready' | 'error'
  error?: string | undefined
  onBack(): void
}

export function VersionBanner({ replacedAt, status, error, onBack }: Props) {
  return (
    <div className="version-banner" role="note" data-testid="version-banner">
      <p className="version-banner-text">
        {status === 'error'
          ? error
          : `An earlier version, replaced on ${replacedAt ? formatReplacedAt(replacedAt) : '…'}. Read only.`}
      </p>
      <Button className="version-banner-back" onClick={onBack}>
        Back to the current version
      </Button>
    </div>
  )
}
