// OPML in and out of the browser: reading a picked file as text, and saving the export as a
// download through a Blob link (the same in Electron and the browser shell).

export const OPML_FILE_NAME = 'quire-feeds.opml'
/** The contract's cap on an OPML file's text. */
export const MAX_OPML_CHARS = 8 * 1024 * 1024

/** The file's text; rejects with a sentence naming the file when it cannot be used. */
export async function readOpmlFile(file: File): Promise<string> {
  if (file.size > MAX_OPML_CHARS) {
    throw new Error(`${file.name} is larger than 8 MB; an OPML list of feeds is much smaller`)
  }
  try {
    return await file.text()
  } catch {
    throw new Error(`${file.name} could not be read`)
  }
}

/** Starts a download of the text as `quire-feeds.opml`. */
export function downloadOpml(opml: string): void {
  const url = URL.createObjectURL(new Blob([opml], { type: 'text/x-opml;charset=utf-8' }))
  const a = document.createElement('a')
  a.href = url
  a.download = OPML_FILE_NAME
  a.rel = 'noopener'
  document.body.append(a)
  a.click()
  a.remove()
  // Revoked after the click has been handled, so the download has its bytes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
