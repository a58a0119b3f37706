// Importers for the exports of the apps people are leaving, most specific first: the lead puts
// this list at the top of IMPORTERS, above the generic CSV/JSON/HTML/zip importers.
import { hypothesisJsonImporter } from './hypothesis-json.ts'
import { kindleClippingsImporter } from '../highlights/kindle-clippings.ts'
import { koreaderJsonImporter, koreaderMarkdownImporter } from '../highlights/koreader-exports.ts'
import { koreaderLuaImporter } from '../highlights/koreader-lua.ts'
import { koboSqliteImporter } from '../highlights/kobo-sqlite.ts'
import { instapaperCsvImporter } from './instapaper-csv.ts'
import { omnivoreJsonImporter } from './omnivore-json.ts'
import { omnivoreZipImporter } from './omnivore-zip.ts'
import { pocketCsvImporter } from './pocket-csv.ts'
import { pocketHtmlImporter } from './pocket-html.ts'
import { pocketZipImporter } from './pocket-zip.ts'
import { readeckCsvImporter } from './readeck-csv.ts'
import { readwiseCsvImporter } from './readwise-csv.ts'
import type { ServiceImporter } from './result.ts'
import { wallabagJsonImporter } from './wallabag-json.ts'
import { webAnnotationJsonImporter } from './web-annotation-json.ts'

export type { RowProblem, ServiceImporter, ServiceParse } from './result.ts'

/**
 * Each `matches` checks the extension and the export's own header or keys, so the order only
 * matters between near neighbours: Pocket's exact column set before Readeck's looser one,
 * Readwise (a "highlight" column) before the link lists.
 */
export const SERVICE_IMPORTERS: ServiceImporter[] = [
  kindleClippingsImporter,
  koboSqliteImporter,
  koreaderLuaImporter,
  koreaderJsonImporter,
  koreaderMarkdownImporter,
  pocketZipImporter,
  omnivoreZipImporter,
  pocketCsvImporter,
  instapaperCsvImporter,
  readwiseCsvImporter,
  readeckCsvImporter,
  wallabagJsonImporter,
  omnivoreJsonImporter,
  webAnnotationJsonImporter,
  hypothesisJsonImporter,
  pocketHtmlImporter,
]
