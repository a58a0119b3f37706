// OPML in and out of the browser: reading a picked file as text, and saving the export as a
// download through a Blob link (the same in Electron and the browser shell).
import { downloadBlob } from '../ui/download.ts'

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
  downloadBlob(OPML_FILE_NAME, new Blob([opml], { type: 'text/x-opml;charset=utf-8' }))
}
