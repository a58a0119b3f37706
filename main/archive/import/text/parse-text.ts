// Parses a decoded plain-text article into title, subtitle, byline, dateline and paragraphs.
import { trimTrailingBoilerplate } from './boilerplate.ts'
import { splitDateline } from './dateline.ts'
import type { Dateline } from './dateline.ts'
import { TextImportError } from './errors.ts'
import { readHeader } from './header.ts'
import { nextNonBlank } from './lines.ts'
import { splitParagraphs } from './paragraphs.ts'

export type { Dateline } from './dateline.ts'

export type ParsedText = {
  title: string
  subtitle?: string
  byline?: string
  authors: string[]
  affiliation?: string
  dateline?: Dateline
  paragraphs: string[]
}

/**
 * Reads the usual shape of a saved article: the first line is the title; then an optional dek
 * and byline; then the body, whose first paragraph may open with a wire dateline, and whose
 * tail may carry site furniture (source labels, counters, comment policies), which is dropped.
 * Throws TextImportError 'EMPTY' when there is no text at all.
 */
export function parsePlainText(text: string): ParsedText {
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  const titleAt = nextNonBlank(lines, 0)
  if (titleAt < 0) throw new TextImportError('EMPTY', 'the file is empty')
  // The title is the first line as written (only trimmed and tabs made spaces), so it
  // always matches what the user sees when they open the file.
  const title = (lines[titleAt] ?? '').replace(/[^\S ]/g, ' ').trim()

  const rest = lines.slice(titleAt + 1)
  const header = readHeader(rest)
  const paragraphs = trimTrailingBoilerplate(splitParagraphs(rest.slice(header.bodyStart)))
  const split = paragraphs[0] === undefined ? undefined : splitDateline(paragraphs[0])
  if (split) {
    // A dateline on a line of its own leaves nothing behind; drop the empty paragraph.
    if (split.rest === '') paragraphs.shift()
    else paragraphs[0] = split.rest
  }

  return {
    title,
    ...(header.subtitle !== undefined ? { subtitle: header.subtitle } : {}),
    ...(header.byline ? { byline: header.byline.raw } : {}),
    authors: header.byline?.authors ?? [],
    ...(header.byline?.affiliation !== undefined ? { affiliation: header.byline.affiliation } : {}),
    ...(split ? { dateline: split.dateline } : {}),
    paragraphs,
  }
}
