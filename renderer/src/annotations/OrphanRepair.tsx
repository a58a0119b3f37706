// The orphaned annotations of the open article, apart from the others and never dropped, with
// a repair view: for each, the passage that fits its quote best now, to confirm or dismiss.
import { useCallback, useState } from 'react'
import type { RepairCandidate } from '../../../shared/api.ts'
import type { Annotation } from '../../../shared/model.ts'
import { useClient } from '../api/client-context.ts'
import { describeError } from '../api/describe-error.ts'
import { AnnotationItem } from './AnnotationItem.tsx'
import { dismiss, isDismissed } from './dismissed.ts'
import type { AnnotationActions } from './use-annotations.ts'

interface Props {
  articleId: string
  orphaned: Annotation[]
  actions: AnnotationActions
  editing: string | null
  onEdit(id: string | null): void
}

type Repair =
  | { status: 'closed' }
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'open'; candidates: Map<string, RepairCandidate['candidate']> }

export function OrphanRepair({ articleId, orphaned, actions, editing, onEdit }: Props) {
  const client = useClient()
  const [repair, setRepair] = useState<Repair>({ status: 'closed' })
  const [, setDismissals] = useState(0)

  const find = useCallback(() => {
    setRepair({ status: 'loading' })
    client.call('annotations:candidates', { articleId }).then(
      (list) =>
        setRepair({ status: 'open', candidates: new Map(list.map((c) => [c.id, c.candidate])) }),
      (err: unknown) =>
        setRepair({ status: 'error', message: describeError('look for the passages', err) }),
    )
  }, [client, articleId])

  return (
    <section className="orphans" aria-label="Orphaned">
      <h3 className="annotations-group">Orphaned</h3>
      <p className="annotations-hint">
        Their passage is no longer in the article. They are kept, with their notes.
      </p>
      {repair.status === 'open' || repair.status === 'loading' ? (
        <button
          type="button"
          className="annotation-button"
          onClick={() => setRepair({ status: 'closed' })}
        >
          Close repair
        </button>
      ) : (
        <button type="button" className="annotation-button" onClick={find}>
          Repair…
        </button>
      )}
      {repair.status === 'loading' && (
        <p className="annotations-hint" role="status">
          Looking for the closest passages…
        </p>
      )}
      {repair.status === 'error' && (
        <p className="note-error" role="alert">
          {repair.message}
        </p>
      )}
      <ul className="annotations-list">
        {orphaned.map((a) => (
          <AnnotationItem key={a.id} a={a} editing={editing === a.id} {...{ actions, onEdit }}>
            {repair.status === 'open' && (
              <Candidate
                candidate={repair.candidates.get(a.id)}
                dismissed={isDismissed(a.id)}
                onConfirm={(c) => actions.reanchor(a.id, c.start, c.end)}
                onDismiss={() => {
                  dismiss(a.id)
                  setDismissals((n) => n + 1)
                }}
              />
            )}
          </AnnotationItem>
        ))}
      </ul>
    </section>
  )
}

function Candidate({
  candidate,
  dismissed,
  onConfirm,
  onDismiss,
}: {
  candidate: RepairCandidate['candidate']
  dismissed: boolean
  onConfirm(c: NonNullable<RepairCandidate['candidate']>): void
  onDismiss(): void
}) {
  if (dismissed) return <p className="annotations-hint">Kept as an orphan.</p>
  if (!candidate) {
    return <p className="annotations-hint">Nothing close to this quote is in the text now.</p>
  }
  return (
    <div className="repair-candidate" role="group" aria-label="Closest passage">
      <p className="repair-label">
        Closest passage now{' '}
        <span className="repair-score">{Math.round(candidate.score * 100)}% alike</span>
      </p>
      <blockquote className="repair-text">{candidate.text}</blockquote>
      <div className="annotation-actions">
        <button type="button" className="annotation-button" onClick={() => onConfirm(candidate)}>
          Use this passage
        </button>
        <button type="button" className="annotation-button" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
    </div>
  )
}
