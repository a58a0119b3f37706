// Edits of the query text the search box holds: cutting a chip's span out, and adding the
// sidebar's tag, so every change stays a plain string the person can read and edit.
import { formatFilter } from '../../../shared/search/formatter.ts'
import type { Span } from '../../../shared/search/parser.ts'
import type { ReadStatus } from '../../../shared/model.ts'

/**
 * The query without input.slice(start, end), joined by one space where the cut leaves two
 * words touching, so removing `tag:gaza` from `rafah tag:gaza is:unread` gives
 * `rafah is:unread`. Spans outside the text are clamped rather than trusted.
 */
export function removeSpan(input: string, span: Span): string {
  const { start, end } = clampSpan(span, input.length)
  const before = input.slice(0, start).trimEnd()
  const after = input.slice(end).trimStart()
  return before && after ? `${before} ${after}` : before + after
}

/** A span kept inside a text of this length, start never after end. */
export function clampSpan(span: Span, length: number): Span {
  const start = Math.max(0, Math.min(span.start, length))
  const end = Math.max(start, Math.min(span.end, length))
  return { start, end }
}

/**
 * The query narrowed to a tag picked in the sidebar. The filter goes after the person's text,
 * so the spans of an error the archive reports still point into what they typed.
 */
export function withTag(query: string, tag: string | undefined): string {
  if (!tag) return query
  return `${query} ${formatFilter({ field: 'tag', value: tag })}`
}

/** The query narrowed to a reading status picked in the sidebar, after the text like withTag's. */
export function withStatus(query: string, status: ReadStatus | undefined): string {
  if (!status) return query
  return `${query} ${formatFilter({ field: 'is', value: status })}`
}

/** True when two queries differ only in spacing (a saved search typed again). */
export function isSameQuery(a: string, b: string): boolean {
  const squeeze = (s: string) => s.trim().replace(/\s+/g, ' ')
  return squeeze(a) === squeeze(b)
}
