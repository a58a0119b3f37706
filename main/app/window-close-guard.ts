// A window closes only after its page saved what was pending (see flush-requests.ts). Closing
// the last window on Windows and Linux quits the app instead, so the quit sequence (imports
// stopped, pages saved, the archive closed) runs while the window still shows it.
import type { App, BrowserWindow } from 'electron'
import type { FlushRequests } from './flush-requests.ts'
import type { QuitSequence } from './quit-sequence.ts'

export interface CloseGuardDeps {
  app: Pick<App, 'quit'>
  flush: Pick<FlushRequests, 'request'>
  quit: Pick<QuitSequence, 'phase'>
  /** True when closing this window ends the app (the last window, not on macOS). */
  quitsApp(): boolean
}

export function guardWindowClose(win: BrowserWindow, deps: CloseGuardDeps): void {
  let saved = false
  let saving = false
  win.on('close', (event) => {
    const phase = deps.quit.phase()
    // The quit sequence already asked the page to save and now closes every window.
    if (saved || phase === 'closing-windows' || phase === 'closing-archive' || phase === 'done') {
      return
    }
    event.preventDefault()
    // While quitting prepares, the window stays: the sequence closes it when the page saved.
    if (phase === 'preparing') return
    if (deps.quitsApp()) {
      deps.app.quit()
      return
    }
    if (saving) return
    saving = true
    void deps.flush.request(win).then(() => {
      saved = true
      saving = false
      if (!win.isDestroyed()) win.close()
    })
  })
}
