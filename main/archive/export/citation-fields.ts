// What every citation format takes from an article: its address (the canonical one first),
// its dates, its container (the site or publication) and its language.
import type { Article } from '../../../shared/model.ts'
import { dateParts } from './author-name.ts'
import { isoDay } from './export-item.ts'
import { toUri } from './iri.ts'

export interface CitationFields {
  /** The canonical address when known, else the address it was saved from; URI-encoded. */
  url?: string
  /** Publication date parts (year, month, day as known); absent when unknown. */
  issued: number[]
  /** When it was saved: the access date of a web citation. */
  accessed: number[]
  accessedDay: string
  publishedDay: string
  container?: string
  language?: string
}

export function citationFields(a: Article): CitationFields {
  const url = webAddress(a)
  return {
    ...(url ? { url } : {}),
    issued: dateParts(a.publishedAt),
    accessed: dateParts(a.importedAt),
    accessedDay: isoDay(a.importedAt),
    publishedDay: isoDay(a.publishedAt),
    ...(a.source?.trim() ? { container: a.source.trim() } : {}),
    ...(a.language?.trim() ? { language: a.language.trim() } : {}),
  }
}

/** The article's web address (canonical first), URI-encoded; undefined for none or not http(s). */
export function webAddress(a: Article): string | undefined {
  for (const candidate of [a.canonicalUrl, a.url]) {
    const uri = candidate ? toUri(candidate) : null
    if (uri && /^https?:/i.test(uri)) return uri
  }
  return undefined
}
