// Small conversions shared by the format readers: text, dates, URLs and fallback guids.
import { createHash } from 'node:crypto'
import { decodeEntities, escapeHtml } from '../../../../shared/html-text.ts'

/** Plain text of a title that may carry markup (Atom type="html"/"xhtml"), whitespace collapsed. */
export function plainText(value: string | undefined): string {
  if (!value) return ''
  return decodeEntities(value.replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim()
}

/** A trimmed string, or undefined when empty. */
export function nonEmpty(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  const s = value.trim()
  return s === '' ? undefined : s
}

/** Plain text as HTML: escaped, one <p> per blank-line-separated paragraph. */
export function textToHtml(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n')
}

/** ISO 8601 for the RFC 822, RFC 3339 and looser dates feeds carry, or undefined. */
export function isoDate(value: string | undefined): string | undefined {
  const raw = nonEmpty(value)
  if (!raw) return undefined
  const t = Date.parse(raw)
  if (!Number.isFinite(t)) return undefined
  const d = new Date(t)
  const year = d.getUTCFullYear()
  return year < 1000 || year > 9999 ? undefined : d.toISOString()
}

/**
 * An absolute http(s) URL from a possibly relative reference, or undefined. Bases that are
 * not absolute themselves are skipped; other schemes (javascript:, data:) are dropped.
 */
export function absoluteUrl(
  ref: string | undefined,
  ...bases: (string | undefined)[]
): string | undefined {
  const r = nonEmpty(ref)
  if (!r) return undefined
  const url = tryUrl(r, chainBase(...bases))
  return url && /^https?:$/.test(new URL(url).protocol) ? url : undefined
}

/** Resolves each base against the one before, as nested xml:base attributes do. */
export function chainBase(...bases: (string | undefined)[]): string | undefined {
  let base: string | undefined
  for (const b of bases) {
    const next = b ? tryUrl(b, base) : undefined
    if (next) base = next
  }
  return base
}

function tryUrl(ref: string, base: string | undefined): string | undefined {
  try {
    return new URL(ref.trim(), base).href
  } catch {
    return undefined
  }
}

/** A stable id for an item with neither guid nor link. */
export function fallbackGuid(
  title: string,
  date: string | undefined,
  body: string | undefined,
): string {
  const h = createHash('sha256')
    .update(`${title}\n${date ?? ''}\n${body ?? ''}`)
    .digest('hex')
  return `sha256:${h.slice(0, 32)}`
}

export function unique(values: (string | undefined)[]): string[] {
  const out: string[] = []
  for (const v of values) {
    const s = v?.replace(/\s+/g, ' ').trim()
    if (s && !out.includes(s)) out.push(s)
  }
  return out
}
