// Which tags to offer while a person types in a tag field: existing tags that match (prefix
// matches first), then the typed name as a new tag when no tag has exactly that name.
import type { TagWithCount } from '../../../shared/model.ts'

export interface Suggestion {
  name: string
  isNew: boolean
}

const MAX = 8

export function tagSuggestions(
  typed: string,
  all: readonly TagWithCount[],
  taken: readonly string[],
): Suggestion[] {
  const text = typed.trim().replace(/,/g, '')
  const needle = text.toLowerCase()
  const free = all.filter((t) => !taken.includes(t.name))
  const matches = free
    .filter((t) => t.name.toLowerCase().includes(needle))
    .sort((a, b) => {
      const pa = a.name.toLowerCase().startsWith(needle) ? 0 : 1
      const pb = b.name.toLowerCase().startsWith(needle) ? 0 : 1
      return pa - pb || b.count - a.count || a.name.localeCompare(b.name)
    })
    .slice(0, MAX)
    .map((t) => ({ name: t.name, isNew: false }))
  const exists = all.some((t) => t.name.toLowerCase() === needle) || taken.includes(text)
  return text && !exists ? [...matches, { name: text, isNew: true }] : matches
}
