// Settings > Archive > Re-extract metadata: titles, authors, sources and dates extracted again
// over every article with today's rules, with progress; fields edited by hand are kept.
import { useEffect, useState } from 'react'
import { useClient } from '../api/client-context.ts'
import { errorReason } from '../api/describe-error.ts'
import { plural } from '../ui/format/article-meta.ts'

type State =
  | { kind: 'idle' }
  | { kind: 'running'; done: number; total: number }
  | { kind: 'done'; text: string }
  | { kind: 'error'; text: string }

export function ReextractRow({ readOnly }: { readOnly: boolean }) {
  const client = useClient()
  const [state, setState] = useState<State>({ kind: 'idle' })
  const running = state.kind === 'running'

  useEffect(() => {
    if (!running) return
    return client.on('import:progress', ({ done, total }) =>
      setState((s) => (s.kind === 'running' ? { kind: 'running', done, total } : s)),
    )
  }, [client, running])

  const run = async () => {
    setState({ kind: 'running', done: 0, total: 0 })
    try {
      const r = await client.call('articles:reextract', {})
      setState({
        kind: 'done',
        text: `${plural(r.changed, 'article')} of ${r.checked.toLocaleString()} updated; fields you edited by hand were kept.`,
      })
    } catch (err) {
      setState({ kind: 'error', text: errorReason(err) })
    }
  }

  return (
    <>
      <div className="settings-row">
        <div className="settings-row-text">
          <span className="settings-row-label">Re-extract metadata</span>
          <span className="settings-row-hint">
            Titles, authors, sources and dates of every article, read again with the current rules.
            What you edited by hand stays.
          </span>
        </div>
        <button
          type="button"
          className="button settings-button"
          disabled={running || readOnly}
          aria-describedby={state.kind === 'idle' ? undefined : 'settings-reextract-note'}
          onClick={() => void run()}
        >
          {running ? 'Working…' : 'Re-extract'}
        </button>
      </div>
      {state.kind !== 'idle' && (
        <p
          id="settings-reextract-note"
          className={`settings-note${state.kind === 'error' ? ' is-error' : ''}`}
          role="status"
        >
          {state.kind === 'running' ? (
            <>
              Checking articles… {state.total > 0 && `${state.done} of ${state.total}`}
              <progress
                className="settings-progress"
                max={Math.max(1, state.total)}
                value={state.done}
                aria-label="Re-extraction progress"
              />
            </>
          ) : (
            state.text
          )}
        </p>
      )}
    </>
  )
}
