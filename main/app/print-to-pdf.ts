// PDF export in the desktop app: Chromium prints the annotated HTML in a hidden window that
// runs no script, from a temporary file (a data: URL of a long bundle is too big to load).
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { BrowserWindow, session } from 'electron'
import { restrictPermissions } from './permissions.ts'

/** A print that takes longer than this is abandoned, so an export never hangs the app. */
export const PRINT_TIMEOUT_MS = 120_000

/**
 * The PDF bytes of a complete HTML document (backgrounds printed, so highlights show).
 * Throws when the page cannot be loaded or printed, or after PRINT_TIMEOUT_MS.
 */
export async function printToPdf(html: string, timeoutMs = PRINT_TIMEOUT_MS): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'quire-print-'))
  const file = join(dir, 'export.html')
  // Its own in-memory session: nothing of the app's (storage, app:// handler) is reachable,
  // and the same deny-by-default permission handlers as the app's own session.
  const printSession = session.fromPartition('quire-print')
  restrictPermissions(printSession)
  // Written out here, not built by a helper, so static auditors can read every setting.
  const win = new BrowserWindow({
    show: false,
    webPreferences: {
      javascript: false,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      session: printSession,
    },
  })
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }))
  win.webContents.on('will-navigate', (event) => event.preventDefault())
  let timer: ReturnType<typeof setTimeout> | undefined
  try {
    await writeFile(file, html, { encoding: 'utf8', mode: 0o600 })
    const print = async () => {
      await win.loadURL(pathToFileURL(file).href)
      return win.webContents.printToPDF({ printBackground: true, preferCSSPageSize: true })
    }
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`Printing to PDF took longer than ${timeoutMs / 1000} s.`)),
        timeoutMs,
      )
    })
    const pdf = await Promise.race([print(), late])
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength)
  } finally {
    clearTimeout(timer)
    if (!win.isDestroyed()) win.destroy()
    await rm(dir, { recursive: true, force: true })
  }
}
