// The toast stack at the bottom of the window; announced politely to screen readers.
import type { Toasts as ToastState } from './use-toasts.ts'
import { Icon } from './Icon.tsx'

export function Toasts({ toasts, dismiss }: ToastState) {
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className={`toast toast-${t.kind}`} data-testid="toast">
          {t.kind === 'error' && <Icon name="alert" size={16} className="toast-icon" />}
          <span className="toast-message">{t.message}</span>
          {t.action && (
            <button
              type="button"
              className="toast-action"
              onClick={() => {
                t.action?.run()
                dismiss(t.id)
              }}
            >
              {t.action.label}
            </button>
          )}
          <button
            type="button"
            className="toast-close"
            aria-label="Dismiss"
            onClick={() => dismiss(t.id)}
          >
            <Icon name="close" size={14} />
          </button>
        </div>
      ))}
    </div>
  )
}
