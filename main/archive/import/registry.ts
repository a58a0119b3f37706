// Every file importer, most specific first: the first whose `matches` accepts a file wins,
// so an app's export (a Pocket CSV, a Wallabag JSON) is tried before generic formats.
import type { FileImporter } from './importer.ts'
import { textImporter } from './plain-text.ts'

export const IMPORTERS: FileImporter[] = [
  // Service exports (Pocket, Instapaper, Omnivore, Wallabag, Readeck, Readwise, Hypothesis).
  // Feeds and OPML.
  // Saved web pages and Markdown notes.
  textImporter,
]

/** The importer for a file, or undefined when no importer recognises it. */
export function importerFor(s: Parameters<FileImporter['matches']>[0]): FileImporter | undefined {
  return IMPORTERS.find((i) => i.matches(s))
}

/** One line per supported kind of file, for "cannot import" messages and the docs. */
export function supportedFormats(): string {
  return IMPORTERS.map((i) => i.label).join('; ')
}
