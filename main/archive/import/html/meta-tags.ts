// A page's <meta> tags as one lookup: every name, property, itemprop and http-equiv, lower-cased,
// to the non-empty contents it carries, in document order.
import { decodeEntities } from '../../../../shared/html-text.ts'
import type { DomDocument } from './dom.ts'

export type MetaTags = Map<string, string[]>

export function readMetaTags(doc: DomDocument): MetaTags {
  const values: MetaTags = new Map()
  const metas = doc.querySelectorAll('meta')
  for (let i = 0; i < metas.length; i++) {
    const meta = metas[i]!
    const content = clean(meta.getAttribute('content') ?? meta.getAttribute('datetime'))
    if (!content) continue
    const keys = [meta.getAttribute('property'), meta.getAttribute('name')]
      .concat(meta.getAttribute('itemprop'), meta.getAttribute('http-equiv'))
      .flatMap((k) => (k ? k.toLowerCase().trim().split(/\s+/) : []))
    for (const key of keys) {
      const list = values.get(key)
      if (list) list.push(content)
      else values.set(key, [content])
    }
  }
  return values
}

/** The first content of the first key present. */
export function firstMeta(tags: MetaTags, keys: readonly string[]): string | undefined {
  for (const k of keys) {
    const v = tags.get(k)?.[0]
    if (v) return v
  }
  return undefined
}

function clean(s: string | null): string | undefined {
  const v = s?.replace(/\s+/g, ' ').trim()
  return v ? decodeEntities(v) : undefined
}
