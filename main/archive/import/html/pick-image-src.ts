// Settles each <img> on one src before sanitising: the largest srcset candidate (of the img
// or of its <picture>'s <source>s), else a lazy-loading data-src; srcset itself never
// survives, because the reader must not pick a remote file on its own.
import type { DomElement } from './dom.ts'

const LAZY_ATTRS = ['data-src', 'data-original', 'data-lazy-src', 'data-url', 'data-hi-res-src']

export function pickImageSources(root: DomElement): void {
  const imgs = root.querySelectorAll('img')
  for (let i = 0; i < imgs.length; i++) {
    const img = imgs[i]!
    const candidates = [img.getAttribute('srcset'), img.getAttribute('data-srcset')]
    const picture = img.parentNode as DomElement | null
    if (picture?.nodeName.toLowerCase() === 'picture') {
      const sources = picture.querySelectorAll('source')
      for (let j = 0; j < sources.length; j++) {
        const type = sources[j]!.getAttribute('type') ?? ''
        // An SVG or unknown-type source is not one the asset step would keep.
        if (type === '' || /^image\/(?:png|jpeg|gif|webp|avif)$/i.test(type))
          candidates.push(sources[j]!.getAttribute('srcset'))
      }
    }
    const best = bestCandidate(candidates)
    const current = img.getAttribute('src')?.trim()
    const lazy = LAZY_ATTRS.map((a) => img.getAttribute(a)?.trim()).find((v) => v)
    const src = best ?? (isPlaceholder(current) ? lazy : current) ?? lazy
    if (src) img.setAttribute('src', src)
    img.removeAttribute('srcset')
  }
}

/** The widest candidate of some srcset strings (by w, then by x), or undefined. */
export function bestCandidate(srcsets: (string | null)[]): string | undefined {
  let best: { url: string; size: number } | undefined
  for (const srcset of srcsets) {
    if (!srcset) continue
    for (const part of srcset.split(/,\s+/)) {
      const [url, descriptor = '1x'] = part.trim().split(/\s+/)
      if (!url || url.startsWith('data:')) continue
      const m = /^(\d+(?:\.\d+)?)([wx])$/.exec(descriptor)
      // Widths and densities are compared on one scale, as if 1x were 1000 px wide.
      const size = m ? Number(m[1]) * (m[2] === 'x' ? 1000 : 1) : 1000
      if (!best || size > best.size) best = { url, size }
    }
  }
  return best?.url
}

/** A tiny data: GIF or blank src that lazy loaders swap out later. */
function isPlaceholder(src: string | undefined): boolean {
  return !src || (src.startsWith('data:') && src.length < 200) || src === 'about:blank'
}
