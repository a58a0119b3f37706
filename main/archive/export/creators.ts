// Who made an article, as citations need it: people (split into family and given names) apart
// from organisations (one literal name: "BBC News" is never a person named News, BBC).
//
// The one place exports read authorship. Until records keep organisations apart themselves
// (issue 12 changes the data model), this tells them apart from the names alone; when the
// record carries the split, read it here and nothing else changes.
import type { Article } from '../../../shared/model.ts'

export interface Creators {
  people: string[]
  organizations: string[]
}

/** Words that name a publisher, an agency or a desk, never a person. */
const ORG_WORD =
  /\b(news|press|agency|agence|associated|reuters|afp|dpa|ansa|efe|xinhua|bloomberg|times|post|journal|herald|gazette|tribune|guardian|telegraph|independent|observer|chronicle|daily|weekly|magazine|review|network|networks|media|broadcasting|corporation|radio|tv|television|channel|online|staff|desk|editorial|editors|newsroom|team|bureau|service|services|wire|inc|ltd|llc|plc|gmbh|corp|company|group|foundation|institute|university|ministry|department|council|committee|association|society|office|government|agency)\b/i

/** An article's creators, people first in byline order, organisations after. */
export function creatorsOf(article: Article): Creators {
  const people: string[] = []
  const organizations: string[] = []
  const source = article.source?.trim().toLowerCase()
  for (const raw of article.authors) {
    const name = raw.replace(/\s+/g, ' ').trim()
    if (!name) continue
    const list = isOrganization(name, source) ? organizations : people
    if (!list.includes(name)) list.push(name)
  }
  return { people, organizations }
}

/** A name is an organisation when it is the site's own name, an acronym, a domain or has an org word. */
export function isOrganization(name: string, source?: string): boolean {
  if (source && name.toLowerCase() === source) return true
  if (/^[A-Z0-9&.-]{2,8}$/.test(name)) return true // BBC, AFP, AP, CNN, NPR
  if (/\.[a-z]{2,}$/i.test(name) && !name.includes(' ')) return true // aa.com.tr
  return ORG_WORD.test(name)
}
