// Getting an export to the person: a download through a Blob link (Electron shows its save
// dialog; the browser saves to Downloads), or the print dialog on an HTML document.
import { downloadBlob } from '../ui/download.ts'

/** Starts a download of base64 bytes under `fileName`. */
export function downloadBase64(fileName: string, mime: string, dataBase64: string): void {
  downloadBlob(fileName, new Blob([bytesOf(dataBase64)], { type: mime }))
}

export function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/**
 * Opens the print dialog on a complete HTML document in a hidden frame. The frame allows
 * scripts nowhere (no allow-scripts), only what print needs. Resolves once print was called.
 */
export function printHtml(html: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const frame = document.createElement('iframe')
    frame.setAttribute('sandbox', 'allow-same-origin allow-modals')
    frame.setAttribute('aria-hidden', 'true')
    frame.tabIndex = -1
    frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0;'
    frame.dataset.testid = 'print-frame'
    frame.addEventListener(
      'load',
      () => {
        try {
          adoptStyles(frame)
          frame.contentWindow?.focus()
          frame.contentWindow?.print()
          resolve()
        } catch (err) {
          reject(err instanceof Error ? err : new Error('the print dialog could not open'))
        } finally {
          // Printing is modal in Chromium: by now the dialog is done with the frame.
          setTimeout(() => frame.remove(), 60_000)
        }
      },
      { once: true },
    )
    frame.srcdoc = html
    document.body.append(frame)
  })
}

/**
 * The frame inherits the app's CSP (style-src 'self'), which blocks the document's own
 * <style>; the same rules adopted through the CSSOM are not inline styles, so they apply.
 */
function adoptStyles(frame: HTMLIFrameElement): void {
  const doc = frame.contentDocument
  const win = frame.contentWindow as (Window & typeof globalThis) | null
  if (!doc || !win) return
  const sheets = [...doc.querySelectorAll('style')].map((el) => {
    const sheet = new win.CSSStyleSheet()
    sheet.replaceSync(el.textContent ?? '')
    return sheet
  })
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, ...sheets]
}
