// A book's location as a W3C Web Annotation FragmentSelector: the model has selectors for
// text, positions, CSS, XPath and media fragments, but none for a Kindle location, a page of
// a printed book or an audiobook's time. Quire writes them as a FragmentSelector whose
// `conformsTo` names this form and whose `value` is `key=value` pairs joined by `&`, each part
// percent-encoded: `type=location&value=240&end=246`, `type=chapter&label=Chapter%202`.
// Tools that do not know the form skip the selector and still have the TextQuoteSelector.
import { LocationSchema, type Location } from './book.ts'

/** The IRI the selector `conformsTo`: Quire's location form (README, "W3C Web Annotation"). */
export const LOCATION_FRAGMENT_FORM = 'https://quire.example/ns/book-location'

const KEYS = ['type', 'value', 'end', 'label', 'chapter', 'sourceType'] as const

/** The location as the selector's value: its fields in a fixed order, percent-encoded. */
export function locationFragment(loc: Location): string {
  return KEYS.flatMap((k) => {
    const v = loc[k]
    return v === undefined ? [] : [`${k}=${encodeURIComponent(String(v))}`]
  }).join('&')
}

/** The value read back; undefined when it is not a valid location (a hand-made file). */
export function parseLocationFragment(value: string): Location | undefined {
  const raw: Record<string, string | number> = {}
  for (const part of value.split('&')) {
    const at = part.indexOf('=')
    if (at < 1) continue
    const key = part.slice(0, at)
    if (!(KEYS as readonly string[]).includes(key)) continue
    let v: string
    try {
      v = decodeURIComponent(part.slice(at + 1))
    } catch {
      return undefined
    }
    raw[key] = key === 'value' || key === 'end' ? Number(v) : v
  }
  const parsed = LocationSchema.safeParse(raw)
  return parsed.success ? parsed.data : undefined
}
