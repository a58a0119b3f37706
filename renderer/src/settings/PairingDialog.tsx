// The pairing dialog: a one-time code for the browser extension, and the address it is to
// use when it is not the usual one. The code is asked for when the dialog opens.
import { useEffect, useRef, useState } from 'react'
import type { PairingCode } from '../../../shared/capture.ts'
import { useClient } from '../api/client-context.ts'
import { describeError } from '../api/describe-error.ts'
import { Button } from '../ui/Button.tsx'
import { Dialog, DialogActions, DialogHeader, DialogTitle } from '../ui/Dialog.tsx'

export function PairingDialog({ onClose }: { onClose(): void }) {
  const client = useClient()
  const done = useRef<HTMLButtonElement>(null)
  const [code, setCode] = useState<PairingCode & { minutes: number }>()
  const [error, setError] = useState<string>()

  useEffect(() => {
    let live = true
    client.call('capture:pairingCode', {}).then(
      (c) =>
        live &&
        setCode({
          ...c,
          minutes: Math.max(1, Math.round((Date.parse(c.expiresAt) - Date.now()) / 60_000)),
        }),
      (err: unknown) => live && setError(describeError('make a pairing code', err)),
    )
    return () => {
      live = false
    }
  }, [client])

  return (
    <Dialog className="pairing-dialog" initialFocus={done} onClose={onClose}>
      <DialogHeader className="pairing-header" closeLabel="Close pairing">
        <DialogTitle>Pair the browser extension</DialogTitle>
      </DialogHeader>
      <ol className="pairing-steps">
        <li>Click “Save to Quire” in your browser’s toolbar.</li>
        <li>Type this code there and press Pair.</li>
      </ol>
      {code && (
        <>
          <p className="pairing-code" aria-label={`Pairing code ${code.code.split('').join(' ')}`}>
            {code.code}
          </p>
          <p className="pairing-hint">
            It works once, for the next {code.minutes} minutes.{' '}
            {code.address
              ? `The extension finds Quire at ${code.address}.`
              : `The extension cannot reach this Quire: ${code.problem ?? 'it is not listening'}.`}
          </p>
          {code.paired > 0 && (
            <p className="pairing-hint">
              {code.paired === 1
                ? 'One browser is paired already; pairing it again replaces its key.'
                : `${code.paired} browsers are paired already.`}
            </p>
          )}
        </>
      )}
      {error && (
        <p className="settings-note is-error" role="alert">
          {error}
        </p>
      )}
      <DialogActions>
        <Button ref={done} variant="primary" onClick={onClose}>
          Done
        </Button>
      </DialogActions>
    </Dialog>
  )
}
