// Schema 2: archives written before organisations were kept apart list "Reuters" or the
// site's own name among the authors. The record step moves those to `organizations`, with the
// same rule the importers use, so citations stop treating them as people.
import { isOrganization, nameKey } from '../../../shared/credits.ts'

export function splitPeopleFromOrganizations(
  raw: Record<string, unknown>,
): Record<string, unknown> {
  const authors = raw.authors
  if (!Array.isArray(authors) || raw.organizations !== undefined) return raw
  const names = authors.filter((a): a is string => typeof a === 'string')
  const site = typeof raw.source === 'string' ? [nameKey(raw.source)] : []
  const organizations = names.filter((n) => isOrganization(n, site))
  if (organizations.length === 0) return raw
  return { ...raw, authors: names.filter((n) => !organizations.includes(n)), organizations }
}
