// OPML subscription lists: read (nested outlines flattened, folders become categories) and
// write (OPML 2.0), so feeds move between Quire and other readers.
import { parseOpml as feedsmithParseOpml } from 'feedsmith'
import { escapeHtml } from '../../../../shared/html-text.ts'
import { ImportFailure } from '../extracted.ts'
import { decodeXml } from './decode-xml.ts'
import { stripSafeDoctype } from './hostile-xml.ts'

export interface OpmlSubscription {
  title: string
  xmlUrl: string
  htmlUrl?: string
  /** The folder the feed sat in; nested folders are joined with ' / '. */
  category?: string
}

export const MAX_OPML_BYTES = 8 * 1024 * 1024
/** More subscriptions than any reader holds; the rest are dropped. */
export const MAX_OPML_SUBSCRIPTIONS = 10_000

interface Outline {
  text?: string
  title?: string
  xmlUrl?: string
  htmlUrl?: string
  outlines?: Outline[]
}

/**
 * The feeds listed in an OPML file, in document order, each once. Throws ImportFailure:
 * 'TOO_LARGE', 'EMPTY', 'INVALID_INPUT' (entity declarations), 'UNSUPPORTED_FORMAT' (not OPML).
 */
export function parseOpml(bytes: Uint8Array): OpmlSubscription[] {
  if (bytes.length > MAX_OPML_BYTES) {
    throw new ImportFailure('TOO_LARGE', 'the OPML file is larger than the 8 MB limit')
  }
  const text = decodeXml(bytes).text.replace(/^\uFEFF/, '')
  if (text.trim() === '') throw new ImportFailure('EMPTY', 'the file is empty')
  let outlines: Outline[]
  try {
    outlines = feedsmithParseOpml(stripSafeDoctype(text)).body?.outlines ?? []
  } catch (err) {
    if (err instanceof ImportFailure) throw err
    throw new ImportFailure('UNSUPPORTED_FORMAT', 'this is not an OPML subscription list')
  }
  const out: OpmlSubscription[] = []
  const seen = new Set<string>()
  walk(outlines, [], out, seen, 0)
  return out
}

function walk(
  outlines: Outline[],
  folders: string[],
  out: OpmlSubscription[],
  seen: Set<string>,
  depth: number,
): void {
  // Deeper nesting than this is not a folder tree anyone made by hand.
  if (depth > 32) return
  for (const o of outlines) {
    if (out.length >= MAX_OPML_SUBSCRIPTIONS) return
    const name = clean(o.title) || clean(o.text)
    const xmlUrl = feedUrl(o.xmlUrl)
    if (xmlUrl && !seen.has(xmlUrl)) {
      seen.add(xmlUrl)
      const htmlUrl = feedUrl(o.htmlUrl)
      out.push({
        title: name || xmlUrl,
        xmlUrl,
        ...(htmlUrl ? { htmlUrl } : {}),
        ...(folders.length ? { category: folders.join(' / ') } : {}),
      })
    }
    if (o.outlines?.length)
      walk(o.outlines, name && !xmlUrl ? [...folders, name] : folders, out, seen, depth + 1)
  }
}

function clean(s: string | undefined): string {
  return (s ?? '').replace(/\s+/g, ' ').trim()
}

/** An absolute http(s) URL ('feed:' is the old alias for http), else undefined. */
function feedUrl(raw: string | undefined): string | undefined {
  const s = raw
    ?.trim()
    .replace(/^feed:(\/\/)?/i, (_m, slashes?: string) => (slashes ? 'http://' : ''))
  if (!s) return undefined
  try {
    const u = new URL(s)
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined
  } catch {
    return undefined
  }
}

/** An OPML 2.0 document listing `subs`, grouped into one folder outline per category. */
export function serializeOpml(
  subs: readonly OpmlSubscription[],
  title = 'Quire subscriptions',
): string {
  const lines: string[] = []
  const byCategory = new Map<string, OpmlSubscription[]>()
  for (const s of subs) {
    const key = s.category ?? ''
    byCategory.set(key, [...(byCategory.get(key) ?? []), s])
  }
  for (const [category, group] of byCategory) {
    if (category === '') {
      lines.push(...group.map((s) => `    ${outline(s)}`))
      continue
    }
    lines.push(`    <outline text="${attr(category)}">`)
    lines.push(...group.map((s) => `      ${outline(s)}`))
    lines.push('    </outline>')
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    '  <head>',
    `    <title>${attr(title)}</title>`,
    `    <dateCreated>${new Date().toUTCString()}</dateCreated>`,
    '  </head>',
    '  <body>',
    ...lines,
    '  </body>',
    '</opml>',
    '',
  ].join('\n')
}

function outline(s: OpmlSubscription): string {
  const html = s.htmlUrl ? ` htmlUrl="${attr(s.htmlUrl)}"` : ''
  return `<outline type="rss" text="${attr(s.title)}" title="${attr(s.title)}" xmlUrl="${attr(s.xmlUrl)}"${html}/>`
}

/** Escaped for an attribute; characters XML 1.0 forbids are dropped, newlines kept as &#10;. */
function attr(s: string): string {
  return escapeHtml(s.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, ''))
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;')
}
