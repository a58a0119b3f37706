// Widens a selection to whole words, so a highlight never cuts one: "…on Wednesda" becomes
// "…on Wednesday", and what is stored (and exported) is what the person meant. Word boundaries
// are Unicode's (Intl.Segmenter, granularity 'word'): apostrophes and decimal points stay
// inside words, and Chinese, Japanese and Thai, written without spaces, are split by the
// segmenter's dictionaries, so a selection there grows to a word, not to a whole sentence.

/** How far an edge may move to reach a word's boundary; past this it stays where it was. */
export const MAX_SNAP = 40
/** Text segmented on each side of an edge: enough for any word within MAX_SNAP of it. */
const WINDOW = 2 * MAX_SNAP + 16

const segmenters = new Map<string, Intl.Segmenter>()

function segmenterFor(locale: string | undefined): Intl.Segmenter {
  const key = locale ?? ''
  let s = segmenters.get(key)
  if (!s) {
    try {
      s = new Intl.Segmenter(locale, { granularity: 'word' })
    } catch {
      // A language tag Intl does not take (a typo in the page's lang): Unicode's defaults.
      s = new Intl.Segmenter(undefined, { granularity: 'word' })
    }
    segmenters.set(key, s)
  }
  return s
}

/**
 * The segment holding the character at `i`, as [start, end): a word, or a cluster that must not
 * be cut either (an emoji with its skin tone); null for whitespace.
 */
function wordAt(text: string, i: number, segmenter: Intl.Segmenter): [number, number] | null {
  const from = Math.max(0, i - WINDOW)
  const slice = text.slice(from, Math.min(text.length, i + WINDOW))
  const seg = segmenter.segment(slice).containing(i - from)
  if (!seg || /^\s+$/.test(seg.segment)) return null
  return [from + seg.index, from + seg.index + seg.segment.length]
}

const SPACE = /\s/

/**
 * [start, end) of `text` widened to the words it touches and trimmed of the whitespace at its
 * edges. `locale` is the article's language (BCP 47), when known. An edge stays where it was
 * when the word it cuts runs on further than MAX_SNAP.
 * Offsets are UTF-16 code units; a range with nothing but whitespace, or that is not a range of
 * `text`, comes back unchanged.
 */
export function snapToWords(
  text: string,
  start: number,
  end: number,
  locale?: string,
): { start: number; end: number } {
  // A range that is no selection of this text is the caller's to refuse, not ours to mend.
  if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start < end))
    return { start, end }
  if (end > text.length) return { start, end }
  let s = start
  let e = end
  while (s < e && SPACE.test(text[s]!)) s++
  while (e > s && SPACE.test(text[e - 1]!)) e--
  if (s >= e) return { start, end }
  const segmenter = segmenterFor(locale)
  const first = wordAt(text, s, segmenter)
  if (first && s - first[0] <= MAX_SNAP) s = first[0]
  const last = wordAt(text, e - 1, segmenter)
  if (last && last[1] - e <= MAX_SNAP) e = last[1]
  return { start: s, end: e }
}
