// Dates as people read them in a list ("Today", "3 Mar") and in the reader ("3 March 2024").

const DAY_MS = 86_400_000

function parse(iso: string | undefined): Date | undefined {
  if (!iso) return undefined
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? undefined : d
}

function startOfDay(d: Date): number {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime()
}

/** Short, relative for the last week: "Today", "Yesterday", "Tue", "3 Mar", "3 Mar 2022". */
export function formatListDate(iso: string | undefined, now = new Date()): string {
  const d = parse(iso)
  if (!d) return ''
  const days = Math.round((startOfDay(now) - startOfDay(d)) / DAY_MS)
  if (days === 0) return 'Today'
  if (days === 1) return 'Yesterday'
  if (days > 1 && days < 7) return d.toLocaleDateString(undefined, { weekday: 'short' })
  const sameYear = d.getFullYear() === now.getFullYear()
  return d.toLocaleDateString(undefined, {
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
  })
}

/** Long form for the reader's meta line: "3 March 2024". */
export function formatLongDate(iso: string | undefined): string {
  const d = parse(iso)
  if (!d) return ''
  return d.toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric' })
}

/**
 * A publication date as its writer wrote it: the day in "2018-06-19T05:50:00+09:00" is the
 * 19th wherever the reader is (a Date would move it to the reader's own zone).
 */
export function writtenDay(iso: string | undefined): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '')
  return m ? new Date(+m[1]!, +m[2]! - 1, +m[3]!) : parse(iso)
}

/** The list's date of a publication day, as written ("3 Mar", "Today"). */
export function formatListDay(iso: string | undefined, now = new Date()): string {
  const d = writtenDay(iso)
  return d ? formatListDate(d.toISOString(), now) : ''
}

/** The reader's date of a publication day, as written ("3 March 2024"). */
export function formatLongDay(iso: string | undefined): string {
  const d = writtenDay(iso)
  return d ? formatLongDate(d.toISOString()) : ''
}
