// Words for versions: when an earlier body was replaced, as a date and time people read.

/** "3 Mar 2024, 14:05" in the reader's locale; the raw text when it is not a date. */
export function formatReplacedAt(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })
}
