// The person a page's copyright line names ("© 2019 Ann Lee", "(c) Ann Lee • Impressum",
// "Copyright ANN LEE | …", "2006-2008 by Ann Lee"): on a personal site or blog that names no
// writer anywhere else, the rights holder is the author a citation gives. Photo credits in
// captions and figures name photographers, not writers, and are left out; a page whose
// copyright lines name several people names no one.
import { cleanCredits } from '../../../../shared/credits.ts'
import type { DomDocument, DomElement, DomNode } from './dom.ts'

/** Captions, figures and image credits: their "©" credits the picture. */
const PICTURE = /caption|credit|photo|foto|image|img|bild|picture|media|gallery|copyright-img/i

/** The copyright mark, or "by" after the years ("2006-2008 by Ann Lee"). */
const MARK = /©|\(c\)|\bcopyright\b|(?<=\d{4}\s+)by\b/i

/**
 * What follows the mark: the years, then two or three name words (capitalised or all
 * capitals, particles allowed between them), ending the name.
 */
const HOLDER = new RegExp(
  '[\\s:]*((?:\\d{4}\\s*[-–]\\s*)?\\d{4}\\s*,?\\s*)?(?i:by\\s+)?' +
    "(\\p{Lu}[\\p{L}'’.-]*(?:[ \\u00a0](?:(?:von|van|de|der|den|di|du|la|le)[ \\u00a0])?\\p{Lu}[\\p{L}'’.-]*){1,2})" +
    "(?![\\p{L}'’.-]|[ \\u00a0]\\p{L})",
  'uy',
)

/** A name as written: two or three words each starting with a capital, no capital inside. */
const NAME_SHAPE =
  /^\p{Lu}[\p{Ll}'’.-]*(?: (?:\p{Ll}{1,3} )?\p{Lu}[\p{Ll}'’.-]*(?:-\p{Lu}[\p{Ll}'’.]*)?){1,2}$/u

/** Licence names are not people ("CC BY-NC-ND", "Creative Commons"). */
const LICENCE = /\bcc\b|creative commons|by-nc|by-sa|by-nd|copyleft|gnu|mit licen/i

/** Where a site writes its own copyright line: the footer, or a box named for it. */
const FOOTER = /footer|copyright|impressum|credits|colophon/i

/** The one person the page's copyright lines name, or undefined. */
export function rightsHolder(
  doc: DomDocument,
  siteNames: (string | undefined)[],
): string | undefined {
  const found = new Set<string>()
  let name: string | undefined
  const body = doc.querySelector('body')
  const stack: DomNode[] = body?.firstChild ? [body.firstChild] : []
  let seen = 0
  while (stack.length > 0 && seen < 30000) {
    const node = stack.pop()!
    seen++
    if (node.nextSibling) stack.push(node.nextSibling)
    if (node.nodeType === 1) {
      const el = node as DomElement
      if (!/^(?:script|style|noscript|template|figure|figcaption|picture)$/.test(el.localName))
        if (el.firstChild && !PICTURE.test(el.getAttribute('class') ?? ''))
          stack.push(el.firstChild)
      continue
    }
    if (node.nodeType !== 3 || !MARK.test(node.textContent ?? '')) continue
    const holder = holderOf(lineOf(node), node)
    if (!holder) continue
    const c = cleanCredits([holder], { siteNames })
    if (c.people.length !== 1 || c.organizations.length) {
      found.add(`org:${holder}`)
      continue
    }
    name = c.people[0]!
    found.add(name.toLowerCase())
    if (found.size > 1) return undefined
  }
  return found.size === 1 ? name : undefined
}

/**
 * The name after a line's first copyright mark, as a name is written ("ANDRÉ LOIBL" ->
 * "André Loibl"). Without years or the word "copyright", a bare "© Ann Lee" is taken only in
 * the footer: elsewhere it is most often a picture's credit.
 */
function holderOf(line: string, node: DomNode): string | undefined {
  const mark = MARK.exec(line)
  if (!mark || LICENCE.test(line)) return undefined
  HOLDER.lastIndex = mark.index + mark[0].length
  const m = HOLDER.exec(line)
  if (!m) return undefined
  const raw = m[2]!.trim()
  const words = raw.split(/\s+/)
  const caps = words.filter((w) => w.length > 1 && w === w.toUpperCase())
  // "Luigi LAVAZZA SPA", "DER SEE Werbeagentur": capitals beside lower case mark a brand.
  if (caps.length > 0 && caps.length < words.length) return undefined
  const written = caps.length ? titleCase(raw) : raw
  if (!NAME_SHAPE.test(written)) return undefined
  const stated = !!m[1] || /copyright/i.test(mark[0]) || /by/i.test(mark[0])
  return stated || inFooter(node) ? written : undefined
}

function inFooter(node: DomNode): boolean {
  let el = node.parentNode as DomElement | null
  for (let depth = 0; el && el.nodeType === 1 && depth < 8; depth++) {
    if (el.localName === 'footer') return true
    if (FOOTER.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`)) return true
    el = el.parentNode as DomElement | null
  }
  return false
}

/**
 * The line a copyright mark stands on: its text and the inline elements after it, up to a
 * line break or a block ("© 2020 <a>Ann Lee</a><br>Hosted by …" reads "© 2020 Ann Lee").
 */
function lineOf(node: DomNode): string {
  let text = node.textContent ?? ''
  for (
    let n = node.nextSibling, steps = 0;
    n && steps < 8 && text.length < 200;
    n = n.nextSibling
  ) {
    steps++
    if (
      n.nodeType === 1 &&
      !/^(?:a|span|strong|b|em|i|small|font)$/.test((n as DomElement).localName)
    )
      break
    text += n.textContent ?? ''
  }
  return text.replace(/\s+/g, ' ')
}

function titleCase(s: string): string {
  return s
    .toLowerCase()
    .replace(/(^|[\s'’.-])(\p{Ll})/gu, (_, sep: string, c: string) => sep + c.toUpperCase())
}
