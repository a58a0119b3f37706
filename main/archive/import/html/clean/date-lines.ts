// A line that only dates the article ("Publikacja: 04.05.2021", "7. oktober 2020",
// "24.01.2022 11:38 | News"): the date is the article's metadata, read apart from the body,
// and the line is no sentence of the text.
import { findTextDates } from '../../metadata/parse-date.ts'

/** Longer lines carry more than a date and a label. */
const MAX_CHARS = 40
/** Words a date line may carry beside its date: a label, a section name. */
const MAX_OTHER_WORDS = 2
const TIME = /\b\d{1,2}[:.]\d{2}(?:\s*(?:uhr|h|am|pm|a\.m\.|p\.m\.))?/giu

export function isDateLine(line: string): boolean {
  const text = line.trim()
  if (text.length > MAX_CHARS) return false
  const dates = findTextDates(text)
  if (dates.length === 0) return false
  let rest = ''
  let from = 0
  for (const d of dates) {
    rest += ` ${text.slice(from, d.index)}`
    from = d.index + d.length
  }
  rest += ` ${text.slice(from)}`
  const words = rest
    .replace(TIME, ' ')
    .split(/\s+/)
    .filter((w) => /\p{L}/u.test(w))
  return words.length <= MAX_OTHER_WORDS
}
