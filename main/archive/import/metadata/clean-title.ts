// Titles without the site's name around them: "Story | CNN Politics" -> "Story",
// "r/Showerthoughts - Story" -> "Story", "Story (Published 2016)" -> "Story".

/** Separators sites put between a headline and their own name (with spaces around). */
const SEPARATOR = /\s+(?:[|\-–—·•»«:\\/>~]|::|\.::)\s+/

/** A comparison key: NFKC, case-folded, quotes and dashes unified, spacing collapsed. */
export function titleKey(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201a\u201b`´]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f«»]/g, '"')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/[\s.,;:!?…|-]+$/u, '')
    .trim()
}

/**
 * The headline part of a title: segments naming the site (its name or domain) dropped from
 * either end, a Reddit-style community prefix dropped, the New York Times' "(Published
 * 2016)" dropped. When no segment names the site, a last short segment after " | " is the
 * site's, as almost everywhere.
 */
export function stripSiteAffixes(title: string, siteNames: string[]): string {
  let t = title.replace(/\s*\((?:Published|Veröffentlicht)\s+\d{4}\)\s*$/i, '').trim()
  t = t.replace(/^r\/\w+\s*[-:|]\s+/i, '').trim()
  const keys = siteNames.flatMap(siteKeys)
  const parts = splitKeepingSeparators(t)
  if (parts.length === 1) return t
  const isSite = (seg: string) => {
    const k = titleKey(seg).replace(/[^\p{L}\p{N}]/gu, '')
    if (k.length === 0) return false
    // WordPress themes put "Blog Archive" between the site's name and the post's.
    if (/^(?:blogarchiv|blogarchive|archiv|archive)$/.test(k)) return true
    if (keys.some((s) => s === k || (k.length >= 4 && s.startsWith(k)))) return true
    if (keys.some((s) => k.startsWith(s) && k.length - s.length <= 4)) return true
    // "Krimiblog-Archiv" on krimiblog.de: a short segment that contains the site's name.
    return seg.split(/\s+/).length <= 4 && keys.some((s) => s.length >= 5 && k.includes(s))
  }
  let segs = parts.map((p) => p.text)
  let seps = parts.slice(1).map((p) => p.separator)
  while (segs.length > 1 && isSite(segs[segs.length - 1]!)) {
    segs = segs.slice(0, -1)
    seps = seps.slice(0, -1)
  }
  while (segs.length > 1 && isSite(segs[0]!)) {
    segs = segs.slice(1)
    seps = seps.slice(1)
  }
  if (
    segs.length > 1 &&
    /^\s*\|\s*$/.test(seps.at(-1) ?? '') &&
    segs.at(-1)!.split(/\s+/).length <= 4
  )
    segs = segs.slice(0, -1)
  let out = segs[0]!
  for (let i = 1; i < segs.length; i++) out += seps[i - 1]! + segs[i]!
  return out.trim()
}

interface Part {
  text: string
  separator: string
}

function splitKeepingSeparators(title: string): Part[] {
  const out: Part[] = []
  let rest = title
  let separator = ''
  for (let m = SEPARATOR.exec(rest); m; m = SEPARATOR.exec(rest)) {
    out.push({ text: rest.slice(0, m.index), separator })
    separator = m[0]
    rest = rest.slice(m.index + m[0].length)
  }
  out.push({ text: rest, separator })
  return out.filter((p) => p.text.trim() !== '')
}

/** "The Japan Times" -> ["thejapantimes", "japantimes"]; "www.finanzcheck.de" -> ["finanzcheck"…]. */
function siteKeys(name: string): string[] {
  const lower = name.toLowerCase().normalize('NFKC')
  const out = new Set<string>()
  const plain = lower.replace(/[^\p{L}\p{N}]/gu, '')
  if (plain) out.add(plain)
  out.add(plain.replace(/^the/, ''))
  const host = lower.replace(/^(?:https?:\/\/)?(?:www\.)?/, '').split('/')[0]!
  if (/\.[a-z]{2,}$/.test(host)) {
    const labels = host.split('.')
    out.add(
      labels
        .slice(0, -1)
        .join('')
        .replace(/[^\p{L}\p{N}]/gu, ''),
    )
    out.add((labels.length > 2 ? labels.at(-2)! : labels[0]!).replace(/[^\p{L}\p{N}]/gu, ''))
  }
  out.delete('')
  return [...out]
}
