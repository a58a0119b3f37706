// Metadata extraction run again over an article already in the archive, with today's rules:
// credits split into people and organisations, the source a site (never a file name), the
// title without the site's name, the day an address names. What the archive keeps of a page
// is its body and its record, so only those are read. Fields edited by hand stay as they are.
import type { Article, EditableField } from '../../../shared/model.ts'
import { cleanCredits } from '../../../shared/credits.ts'
import { stripSiteAffixes } from '../import/metadata/clean-title.ts'
import { formatIso } from '../import/metadata/parse-date.ts'
import { siteNameFromUrl } from '../import/metadata/site-name.ts'
import { urlDate } from '../import/metadata/url-date.ts'

/** A stored file's name ("149.txt", "wallabag-v1-read.json"): never a source. */
const FILE_NAME =
  /\.(?:txt|text|html?|xhtml|mht(?:ml)?|json|csv|xml|rss|atom|md|markdown|zip|pdf)$/i

/** Which fields changed, for the report. */
export interface Reextracted {
  article: Article
  changed: EditableField[]
}

/** The article with its metadata extracted again, or null when nothing changes. */
export function reextractRecord(a: Article, now: string): Reextracted | null {
  const kept = new Set(a.edited ?? [])
  const next: Article = { ...a }
  const changed: EditableField[] = []
  const address = a.canonicalUrl ?? a.url
  if (!kept.has('source')) {
    const source = isFileName(a) ? siteOf(a) : (a.source ?? siteOf(a))
    if (source !== a.source) {
      if (source) next.source = source
      else delete next.source
      changed.push('source')
    }
  }
  if (!kept.has('authors')) {
    const named = [...a.authors, ...(a.organizations ?? [])]
    const credits = cleanCredits(named.length ? named : [a.byline], {
      siteNames: [next.source, siteNameFromUrl(address)],
    })
    const orgs = credits.organizations
    if (!same(credits.people, a.authors) || !same(orgs, a.organizations ?? [])) {
      next.authors = credits.people
      if (orgs.length) next.organizations = orgs
      else delete next.organizations
      changed.push('authors')
    }
  }
  // Plain-text titles are the file's first line, never a <title> with the site around it.
  if (!kept.has('title') && a.origin.format !== 'text' && a.origin.format !== 'markdown') {
    const title = stripSiteAffixes(a.title, [next.source, siteNameFromUrl(address)].filter(isText))
    if (title && title !== a.title) {
      next.title = title
      changed.push('title')
    }
  }
  if (!kept.has('publishedAt') && !a.publishedAt) {
    const day = urlDate(address, { now: new Date(now) })
    if (day) {
      next.publishedAt = formatIso(day)
      changed.push('publishedAt')
    }
  }
  return changed.length ? { article: { ...next, updatedAt: now }, changed } : null
}

function isFileName(a: Article): boolean {
  return !!a.source && (a.source === a.origin.name || FILE_NAME.test(a.source))
}

/** The site of the article's address, else the agency its dateline names ("AA"). */
function siteOf(a: Article): string | undefined {
  return siteNameFromUrl(a.canonicalUrl ?? a.url) ?? a.dateline?.agency
}

function same(x: string[], y: string[]): boolean {
  return x.length === y.length && x.every((v, i) => v === y[i])
}

function isText(s: string | undefined): s is string {
  return !!s
}
