// Settings > Browser extension: pairs the "Save to Quire" extension with this Quire. The
// code is made when the dialog opens and works once, for ten minutes.
import { useState } from 'react'
import { Button } from '../ui/Button.tsx'
import { PairingDialog } from './PairingDialog.tsx'

export function ExtensionSection() {
  const [pairing, setPairing] = useState(false)
  return (
    <section className="settings-section" aria-labelledby="settings-extension">
      <h3 id="settings-extension" className="settings-section-title">
        Browser extension
      </h3>
      <div className="settings-card">
        <div className="settings-row">
          <div className="settings-row-text">
            <span className="settings-row-label">Save to Quire from your browser</span>
            <span className="settings-row-hint">
              The extension saves the page you are reading, as you see it, with its images. Pair it
              once with a code Quire shows.
            </span>
          </div>
          <Button onClick={() => setPairing(true)}>Pair…</Button>
        </div>
      </div>
      {pairing && <PairingDialog onClose={() => setPairing(false)} />}
    </section>
  )
}
