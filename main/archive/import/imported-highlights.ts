// Highlights carried by another app's export, turned into Quire annotations: anchored in the
// article's text by their quote (the same anchoring as the reader's own), kept as orphans
// with their quote and note when the text does not hold them (or there is no text yet).
import { anchor, describe } from '../../../shared/anchoring/index.ts'
import type { Annotation } from '../../../shared/model.ts'
import type { ImportedHighlight } from './extracted.ts'

// node:crypto loads when first used, not with the module: it costs a `quire list` ~10 ms.
const randomBytes = (size: number) => process.getBuiltinModule('node:crypto').randomBytes(size)

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
    const key = squash(h.quote)
    if (!key || seen.has(key)) continue
    seen.add(key)
    out.push(toAnnotation(text, h, now))
  }
  return out
}

function toAnnotation(text: string, h: ImportedHighlight, now: string): Annotation {
  const prefix = squash(h.prefix ?? '')
  const suffix = squash(h.suffix ?? '')
  // The quote as exported first (Quire's own keeps the text's paragraph breaks, so a round
  // trip gives the very same range), then with its whitespace squashed as other apps need.
  const candidates = [...new Set([h.quote.replace(/\r\n?/g, '\n'), squash(h.quote)])]
  for (const exact of candidates) {
    if (!exact.trim()) continue
    const quote = { type: 'TextQuoteSelector' as const, exact, prefix, suffix }
    // A position the export kept (code points) is tried first; without one, an impossible
    // position sends anchoring straight to the quote search.
    const start = h.start !== undefined ? utf16Offset(text, h.start) : 0
    const end = h.start !== undefined ? start + exact.length : 0
    const found = anchor(text, { quote, position: { type: 'TextPositionSelector', start, end } })
    if (found.status !== 'orphaned') {
      return annotationOf(h, describe(text, found.start, found.end), false, now)
    }
  }
  const quote = { type: 'TextQuoteSelector' as const, exact: squash(h.quote), prefix, suffix }
  const position = { type: 'TextPositionSelector' as const, start: 0, end: 0 }
  return annotationOf(h, { quote, position }, true, now)
}

function annotationOf(
  h: ImportedHighlight,
  target: Annotation['target'],
  orphaned: boolean,
  now: string,
): Annotation {
  const created = h.createdAt && !Number.isNaN(Date.parse(h.createdAt)) ? h.createdAt : now
  return {
    id: randomBytes(8).toString('hex'),
    createdAt: created,
    updatedAt: now,
    color: h.color ?? 'yellow',
    note: (h.note ?? '').slice(0, MAX_NOTE),
    tags: [...new Set(h.tags ?? [])],
    target,
    orphaned,
  }
}

/** Code point offset -> UTF-16 offset over `text`. */
function utf16Offset(text: string, points: number): number {
  let at = 0
  for (let n = 0; n < points && at < text.length; n++) {
    at += text.codePointAt(at)! > 0xffff ? 2 : 1
  }
  return at
}

/** Whitespace as the article's normalised text has it: runs collapsed, ends trimmed. */
function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim()
}
