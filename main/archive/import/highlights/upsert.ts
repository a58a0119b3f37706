// Highlights and bookmarks from a file, merged into a record's own: a row seen before (same
// import key) changes its highlight only when the row changed in the source; a new row is
// added; nothing is added twice, and nothing the person wrote in Quire is lost to a re-import
// of an unchanged file.
import { randomBytes } from 'node:crypto'
import type { Bookmark } from '../../../../shared/book.ts'
import type { Annotation } from '../../../../shared/model.ts'
import type { ImportedBookmark, ImportedHighlight } from '../extracted.ts'
import { importedAnnotations } from '../imported-highlights.ts'
import { digest, squash } from './identity.ts'

/** Longest note kept, the annotation schema's own limit. */
const MAX_NOTE = 100_000

export interface Upserted<T> {
  items: T[]
  added: number
  updated: number
}

/** What a row says about its highlight: a change here means the source was edited. */
export function highlightDigest(h: ImportedHighlight): string {
  return digest([
    h.quote.replace(/\r\n?/g, '\n').trim(),
    h.note?.trim() ?? '',
    // No colour is yellow, as it is stored: Quire's own CSV writes it, and that is no edit.
    h.color ?? 'yellow',
    h.sourceColor ?? '',
    [...(h.tags ?? [])].sort(),
    h.location ?? null,
    h.createdAt ?? '',
  ])
}

/**
 * `incoming` merged into `existing`, anchored in `text` (the record's body text; '' for a book
 * without one, where every highlight is kept by its quote and location, orphaned until the
 * text arrives). Matching is by import key, then by quote (rows of apps without stable ids).
 */
export function upsertHighlights(
  existing: readonly Annotation[],
  incoming: readonly ImportedHighlight[],
  text: string,
  now: string,
): Upserted<Annotation> {
  const items = [...existing]
  const byKey = new Map<string, number>()
  const byQuote = new Map<string, number>()
  items.forEach((a, i) => {
    if (a.importKey) byKey.set(a.importKey, i)
    byQuote.set(squash(a.target.quote.exact), i)
  })
  let added = 0
  let updated = 0
  for (const h of incoming) {
    const quote = squash(h.quote)
    if (!quote) continue
    const hash = highlightDigest(h)
    const keyed = h.key ? byKey.get(h.key) : undefined
    if (keyed !== undefined) {
      // Same row as last time: the person's edits in Quire stand. Changed: the source wins.
      if (items[keyed]!.importHash === hash) continue
      items[keyed] = edited(items[keyed]!, h, hash, text, now)
      byQuote.set(quote, keyed)
      updated++
      continue
    }
    const same = byQuote.get(quote)
    const old = same === undefined ? undefined : items[same]!
    // The same words with another key are another highlight (a phrase marked twice).
    if (same !== undefined && old && (!old.importKey || !h.key)) {
      // Made in Quire, or by an app without keys: it learns the row's key and place, and
      // keeps what the person gave it.
      const next = adopted(old, h, hash)
      if (JSON.stringify(next) !== JSON.stringify(old)) {
        items[same] = next
        if (next.importKey) byKey.set(next.importKey, same)
        updated++
      }
      continue
    }
    const a = annotationOf(h, hash, text, now)
    items.push(a)
    if (a.importKey) byKey.set(a.importKey, items.length - 1)
    if (same === undefined) byQuote.set(quote, items.length - 1)
    added++
  }
  return { items, added, updated }
}

/** A new annotation for `h`: anchored in `text` when it is there, else kept by its quote. */
function annotationOf(h: ImportedHighlight, hash: string, text: string, now: string): Annotation {
  const base = importedAnnotations(text, [h], now)[0]!
  return withSourceFields(base, h, hash)
}

/** Row fields the anchoring step does not know about: location, key, colour name, quote. */
function withSourceFields(a: Annotation, h: ImportedHighlight, hash: string): Annotation {
  const next: Annotation = { ...a, importHash: hash }
  if (h.key) next.importKey = h.key
  if (h.sourceColor) next.sourceColor = h.sourceColor
  else delete next.sourceColor
  const target = { ...a.target }
  if (h.location) target.location = h.location
  // Not anchored: keep the quote as the source wrote it (its line breaks), for the exports.
  if (a.orphaned) {
    const exact = h.quote.replace(/\r\n?/g, '\n').trim()
    if (exact) target.quote = { ...target.quote, exact }
  }
  next.target = target
  return next
}

/** `old` changed as its row was changed in the source; its id and place in the list stay. */
function edited(
  old: Annotation,
  h: ImportedHighlight,
  hash: string,
  text: string,
  now: string,
): Annotation {
  const fresh = annotationOf(h, hash, text, now)
  return {
    ...fresh,
    id: old.id,
    createdAt: h.createdAt ? fresh.createdAt : old.createdAt,
    updatedAt: now,
  }
}

/** `old` given the row's key, place and hash; its own note, colour and tags are kept. */
function adopted(old: Annotation, h: ImportedHighlight, hash: string): Annotation {
  const note = old.note.trim() ? old.note : (h.note ?? '').slice(0, MAX_NOTE)
  const tags = [...new Set([...old.tags, ...(h.tags ?? [])])]
  const target =
    h.location && !old.target.location ? { ...old.target, location: h.location } : old.target
  return {
    ...old,
    note,
    tags,
    target,
    // A row without a key of its own (W3C JSON-LD) leaves the keyed source's digest alone, so
    // the next import of that source still sees its row unchanged.
    importHash: h.key || !old.importKey ? hash : (old.importHash ?? hash),
    ...(h.key ? { importKey: h.key } : {}),
  }
}

/** Bookmarks merged the same way: by key, else by place and note. */
export function upsertBookmarks(
  existing: readonly Bookmark[],
  incoming: readonly ImportedBookmark[],
  now: string,
): Upserted<Bookmark> {
  const items = [...existing]
  const placeKey = (b: { location: unknown; note?: string }) =>
    digest([b.location, squash(b.note ?? '')])
  const byKey = new Map(items.flatMap((b, i) => (b.importKey ? [[b.importKey, i] as const] : [])))
  const byPlace = new Map(items.map((b, i) => [placeKey(b), i] as const))
  let added = 0
  let updated = 0
  for (const b of incoming) {
    const at = (b.key ? byKey.get(b.key) : undefined) ?? byPlace.get(placeKey(b))
    const next: Bookmark = {
      id: at === undefined ? randomBytes(8).toString('hex') : items[at]!.id,
      createdAt: b.createdAt ?? (at === undefined ? now : items[at]!.createdAt),
      location: b.location,
      note: (b.note ?? '').slice(0, MAX_NOTE),
      // A row without a key (W3C JSON-LD) keeps the key the bookmark was first imported with.
      ...(b.key
        ? { importKey: b.key }
        : at !== undefined && items[at]!.importKey
          ? { importKey: items[at]!.importKey }
          : {}),
    }
    if (at === undefined) {
      items.push(next)
      if (b.key) byKey.set(b.key, items.length - 1)
      byPlace.set(placeKey(b), items.length - 1)
      added++
    } else if (JSON.stringify(items[at]) !== JSON.stringify(next)) {
      items[at] = next
      updated++
    }
  }
  return { items, added, updated }
}
