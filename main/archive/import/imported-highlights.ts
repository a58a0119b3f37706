// Highlights carried by another app's export, turned into Quire annotations: anchored in the
// article's text by their quote (the same anchoring as the reader's own), kept as orphans
// with their quote and note when the text does not hold them (or there is no text yet).
import { randomBytes } from 'node:crypto'
import { anchor, describe } from '../../../shared/anchoring/index.ts'
import type { Annotation } from '../../../shared/model.ts'
import type { ImportedHighlight } from './extracted.ts'

/** Longest note kept from an import, the annotation schema's own limit. */
const MAX_NOTE = 100_000

export function importedAnnotations(
  text: string,
  highlights: ImportedHighlight[],
  now: string,
  existing: Annotation[] = [],
): Annotation[] {
  const seen = new Set(existing.map((a) => squash(a.target.quote.exact)))
  const out: Annotation[] = []
  for (const h of highlights) {
    const exact = squash(h.quote)
    if (!exact || seen.has(exact)) continue
    seen.add(exact)
    out.push(toAnnotation(text, { ...h, quote: exact }, now))
  }
  return out
}

function toAnnotation(text: string, h: ImportedHighlight, now: string): Annotation {
  const quote = {
    type: 'TextQuoteSelector' as const,
    exact: h.quote,
    prefix: squash(h.prefix ?? ''),
    suffix: squash(h.suffix ?? ''),
  }
  // No stored position: an impossible one sends anchoring straight to the quote search.
  const found = anchor(text, {
    quote,
    position: { type: 'TextPositionSelector', start: 0, end: 0 },
  })
  const placed = found.status !== 'orphaned'
  const target = placed
    ? describe(text, found.start, found.end)
    : { quote, position: { type: 'TextPositionSelector' as const, start: 0, end: 0 } }
  const created = h.createdAt && !Number.isNaN(Date.parse(h.createdAt)) ? h.createdAt : now
  return {
    id: randomBytes(8).toString('hex'),
    createdAt: created,
    updatedAt: now,
    color: h.color ?? 'yellow',
    note: (h.note ?? '').slice(0, MAX_NOTE),
    tags: [...new Set(h.tags ?? [])],
    target,
    orphaned: !placed,
  }
}

/** Whitespace as the article's normalised text has it: runs collapsed, ends trimmed. */
function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim()
}
