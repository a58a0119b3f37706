// Highlights drawn into the stored body HTML: maps htmlToText offsets back to the HTML's text
// runs (replaying htmlToText's own steps) and wraps each covered run in <mark>, so a
// highlight crosses element boundaries without ever breaking the markup's nesting.
import { BLOCK_TAGS, decodeEntities, escapeHtml, htmlToText } from '../../../shared/html-text.ts'

export interface MarkRange {
  id: string
  start: number
  end: number
  /** The CSS class of the <mark> (`q-yellow`…). */
  className: string
  /** HTML put right after the highlight's last character (a note's reference). */
  after?: string
}

const SEGMENT = /<(script|style)[\s\S]*?<\/\1>|<[^>]*>/gi
const BLOCK_END = new RegExp(`^(</(${BLOCK_TAGS.join('|')})>|<br\\s*/?>)$`, 'i')
const ENTITY = /^&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/i

interface Unit {
  /** Index of the text segment, and the raw span of this character in it. */
  seg: number
  from: number
  to: number
  ch: string
}

/**
 * The body with `<mark>`s for `ranges` (offsets into htmlToText(html)). Returns null when
 * the body does not map back exactly (then the caller lists highlights without marks).
 */
export function markHighlights(html: string, ranges: MarkRange[]): string | null {
  const segments: { text: boolean; raw: string }[] = []
  let last = 0
  for (const m of html.matchAll(SEGMENT)) {
    if (m.index > last) segments.push({ text: true, raw: html.slice(last, m.index) })
    segments.push({ text: false, raw: m[0] })
    last = m.index + m[0].length
  }
  if (last < html.length) segments.push({ text: true, raw: html.slice(last) })

  // Replay htmlToText: lines end at block ends and raw newlines; whitespace collapses; trim.
  const units: (Unit | null)[] = [] // null: the '\n\n' between paragraphs
  let line: Unit[] = []
  const endLine = () => {
    const kept = collapse(line)
    if (kept.length) {
      if (units.length) units.push(null, null)
      units.push(...kept)
    }
    line = []
  }
  segments.forEach((s, seg) => {
    if (!s.text) {
      if (BLOCK_END.test(s.raw)) endLine()
      return
    }
    for (let i = 0; i < s.raw.length;) {
      if (s.raw[i] === '\n') {
        endLine()
        i++
        continue
      }
      const entity = s.raw[i] === '&' ? ENTITY.exec(s.raw.slice(i, i + 12)) : null
      const len = entity ? entity[0].length : s.raw.codePointAt(i)! > 0xffff ? 2 : 1
      const ch = entity ? decodeEntities(entity[0]) : s.raw.slice(i, i + len)
      // A decoded astral character is two code units of text, as in htmlToText.
      for (const unit of ch.length === 2 && entity ? [ch[0]!, ch[1]!] : [ch]) {
        line.push({ seg, from: i, to: i + len, ch: unit })
      }
      i += len
    }
  })
  endLine()
  const flat = units.map((u) => (u ? u.ch : '\n')).join('')
  if (flat !== htmlToText(html)) return null

  // Which highlights cover each text segment's raw characters.
  const cover = new Map<number, Map<number, MarkRange[]>>()
  const afters = new Map<number, Map<number, string[]>>()
  const interned = new Map<string, MarkRange[]>()
  let offset = 0
  for (const u of units) {
    const width = u ? u.ch.length : 1
    if (u) {
      const hits = ranges.filter((r) => r.start <= offset && offset < r.end)
      if (hits.length) {
        // One array per set of highlights, so runs compare by identity below.
        const key = hits.map((r) => r.id).join(' ')
        const on = interned.get(key) ?? hits
        interned.set(key, on)
        const segCover = cover.get(u.seg) ?? new Map<number, MarkRange[]>()
        for (let p = u.from; p < u.to; p++) segCover.set(p, on)
        cover.set(u.seg, segCover)
      }
      for (const r of ranges) {
        if (r.after && r.end === offset + width) {
          const segAfter = afters.get(u.seg) ?? new Map<number, string[]>()
          segAfter.set(u.to, [...(segAfter.get(u.to) ?? []), r.after])
          afters.set(u.seg, segAfter)
        }
      }
    }
    offset += width
  }
  return segments
    .map((s, seg) => (s.text ? markSegment(s.raw, cover.get(seg), afters.get(seg)) : s.raw))
    .join('')
}

/** Whitespace runs become one space (the first keeps its place), then the line is trimmed. */
function collapse(line: Unit[]): Unit[] {
  const out: Unit[] = []
  for (const u of line) {
    const space = /\s/.test(u.ch)
    if (space && (out.length === 0 || out[out.length - 1]!.ch === ' ')) continue
    out.push(space ? { ...u, ch: ' ' } : u)
  }
  while (out.length && out[out.length - 1]!.ch === ' ') out.pop()
  return out
}

function markSegment(
  raw: string,
  cover: Map<number, MarkRange[]> | undefined,
  afters: Map<number, string[]> | undefined,
): string {
  if (!cover && !afters) return raw
  let out = ''
  let open: MarkRange[] | null = null
  const close = () => {
    if (open) out += '</mark>'
    open = null
  }
  for (let i = 0; i <= raw.length; i++) {
    const extra = afters?.get(i)
    if (extra) {
      close()
      out += extra.join('')
    }
    if (i === raw.length) break
    // Collapsed whitespace inside one highlight stays inside its mark.
    const on: MarkRange[] | null =
      cover?.get(i) ?? (open && sameAsNext(cover, i, open) ? open : null)
    if (on !== open) {
      close()
      if (on) {
        const top = on[on.length - 1]!
        const ids = on.map((r) => r.id).join(' ')
        out += `<mark class="${escapeHtml(top.className)}" data-annotation="${escapeHtml(ids)}">`
      }
      open = on
    }
    out += raw[i]
  }
  close()
  return out
}

function sameAsNext(cover: Map<number, MarkRange[]> | undefined, i: number, open: MarkRange[]) {
  if (!cover) return false
  for (let j = i + 1; ; j++) {
    const next = cover.get(j)
    if (next) return next === open
    if (j > i + 64) return false
  }
}
