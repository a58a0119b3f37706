// Pages captured by the browser extension. A capture is imported as a saved page would be
// (import/captured-page.ts); an address already in the archive gets the captured text as a
// new version (the old body kept, highlights carried over, as when a page is fetched again).
import { QuireError } from '../../../shared/errors.ts'
import type { CaptureResult } from '../../../shared/capture.ts'
import type { ImportedHighlight } from '../import/extracted.ts'
import { ImportFailure } from '../import/extracted.ts'
import type { ImportCore } from '../import/import-core.ts'

export interface PageCapture {
  url: string
  html: string
  /** Image bytes by the address the page names them with. */
  images: ReadonlyMap<string, Uint8Array>
  selection?: { exact: string; prefix?: string | undefined; suffix?: string | undefined }
  tags: string[]
  note?: string | undefined
}

/**
 * Imports a captured page. Throws QuireError INVALID_INPUT when the page has no article
 * (with the importer's reason), READ_ONLY when the archive cannot be written.
 */
export async function capturePage(core: ImportCore, capture: PageCapture): Promise<CaptureResult> {
  core.store.assertWritable()
  // The extraction (Readability, DOMPurify, linkedom) loads with the first capture: a server
  // that never receives one, or a `quire list`, never parses it.
  const { capturedHash, extractCapturedPage, storeCapturedPage } =
    await import('../import/captured-page.ts')
  const { replaceBody } = await import('./fetch-articles.ts')
  let extracted
  try {
    extracted = await extractCapturedPage(capture.html, capture.url)
  } catch (err) {
    if (err instanceof ImportFailure) throw new QuireError('INVALID_INPUT', err.message)
    throw err
  }
  const hash = capturedHash(extracted)
  const existingId = core.dedupe().find({ urls: [extracted.canonicalUrl, extracted.url] })
  const existing = existingId ? core.store.catalog.get(existingId) : undefined
  let replaced = false
  if (existing && existing.contentHash !== hash) {
    await core.write(() => replaceBody(core, existing.id, extracted, { captured: capture.images }))
    replaced = true
  }
  const highlights: ImportedHighlight[] = capture.selection
    ? [
        {
          quote: capture.selection.exact,
          ...(capture.selection.prefix ? { prefix: capture.selection.prefix } : {}),
          ...(capture.selection.suffix ? { suffix: capture.selection.suffix } : {}),
        },
      ]
    : []
  const result = await storeCapturedPage(core, extracted, {
    images: capture.images,
    tags: capture.tags,
    highlights,
  })
  if (result.status === 'failed') throw new QuireError('IO', result.error.message)
  if (result.status === 'skipped') throw new QuireError('IO', result.reason)
  if (capture.note?.trim()) await addNote(core, result.id, capture.note)
  const article = core.require(result.id)
  const status = result.status === 'imported' ? 'imported' : replaced ? 'version' : 'duplicate'
  return { status, id: article.id, title: article.title }
}

/** Tags and a note added after the capture (the popup's fields). */
/** What the popup adds to a capture once it is in. */
export interface CaptureAmendment {
  tags: string[]
  note?: string | undefined
}

export async function amendCapture(
  core: ImportCore,
  id: string,
  change: CaptureAmendment,
): Promise<void> {
  await core.write(async () => {
    const article = core.require(id)
    const tags = [...new Set([...article.tags, ...change.tags])]
    if (tags.length !== article.tags.length) {
      await core.save({ ...article, tags, updatedAt: new Date().toISOString() })
    }
  })
  if (change.note?.trim()) await addNote(core, id, change.note)
}

/** The note goes after the article's note, never over it: one note per article. */
async function addNote(core: ImportCore, id: string, note: string): Promise<void> {
  await core.write(async () => {
    const article = core.require(id)
    const before = article.note.trim()
    const text = note.trim()
    if (before.includes(text)) return
    await core.save({
      ...article,
      note: before ? `${before}\n\n${text}` : text,
      updatedAt: new Date().toISOString(),
    })
  })
}

/** The article an address belongs to (its canonical form), or null; the trash does not count. */
export function findByAddress(
  core: ImportCore,
  urls: string[],
): { id: string; title: string } | null {
  const id = core.dedupe().find({ urls })
  const article = id ? core.store.catalog.get(id) : undefined
  if (!article || article.deletedAt) return null
  return { id: article.id, title: article.title }
}

/** The capture endpoint's view of an archive (serve/capture), each operation on `core`. */
export interface Captures {
  capturePage(capture: PageCapture): Promise<CaptureResult>
  amendCapture(id: string, change: CaptureAmendment): Promise<void>
  findByAddress(urls: string[]): { id: string; title: string } | null
}

export function capturesOf(core: ImportCore): Captures {
  return {
    capturePage: (capture) => capturePage(core, capture),
    amendCapture: (id, change) => amendCapture(core, id, change),
    findByAddress: (urls) => findByAddress(core, urls),
  }
}
