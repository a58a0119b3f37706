// Every file importer, most specific first: the first whose `matches` accepts a file wins,
// so an app's export (a Pocket CSV, a Wallabag JSON) is tried before generic formats.
import type { FileImporter } from './importer.ts'
import { textImporter } from './plain-text.ts'
import { SERVICE_IMPORTERS } from './services/index.ts'
import { feedImporter } from './feeds/feed-importer.ts'
import { htmlImporter } from './html/html-importer.ts'
import { markdownImporter } from './markdown/markdown-importer.ts'
import { zipImporter } from './zip-of-files.ts'

export const IMPORTERS: FileImporter[] = [
  // Service exports (Pocket, Instapaper, Omnivore, Wallabag, Readeck, Readwise, Hypothesis):
  // each checks its own header or keys, so a random CSV or JSON is not claimed.
  ...SERVICE_IMPORTERS,
  feedImporter,
  htmlImporter,
  markdownImporter,
  textImporter,
  // After the service importers, which claim their own zips (Pocket, Omnivore).
  zipImporter,
]

/** The importer for a file, or undefined when no importer recognises it. */
export function importerFor(s: Parameters<FileImporter['matches']>[0]): FileImporter | undefined {
  return IMPORTERS.find((i) => i.matches(s))
}

/** One line per supported kind of file, for "cannot import" messages and the docs. */
export function supportedFormats(): string {
  return IMPORTERS.map((i) => i.label).join('; ')
}
