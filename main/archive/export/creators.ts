// Who made an article, as citations need it: people (split into family and given names by
// the formats) apart from organisations (one literal name: "BBC News" is never a person
// named News, BBC). Records keep the two apart since schema 2 (import sorts credits with
// shared/credits.ts; older archives are migrated on open), so this only reads them.
import type { Article } from '../../../shared/model.ts'

export interface Creators {
  people: string[]
  organizations: string[]
}

/** An article's creators, people first in byline order, organisations after. */
export function creatorsOf(article: Article): Creators {
  const tidy = (names: readonly string[]) => [
    ...new Set(names.map((n) => n.replace(/\s+/g, ' ').trim()).filter(Boolean)),
  ]
  return { people: tidy(article.authors), organizations: tidy(article.organizations ?? []) }
}
