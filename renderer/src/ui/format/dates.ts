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
