// The publication a page belongs to: the site's own name (og:site_name, the JSON-LD
// publisher or WebSite, application-name), else the domain of its address. Never a file name.
import { siteNameFromUrl } from '../metadata/site-name.ts'
import type { JsonLdArticle } from './json-ld.ts'
import { firstMeta, type MetaTags } from './meta-tags.ts'

export function findPageSource(
  meta: MetaTags,
  ld: JsonLdArticle | undefined,
  url: string | undefined,
): string | undefined {
  const named = [
    firstMeta(meta, ['og:site_name']),
    ld?.publisher,
    ld?.siteName,
    firstMeta(meta, ['application-name', 'apple-mobile-web-app-title', 'og:site-name']),
  ]
    .map((s) => s?.trim())
    .find((s) => s && isName(s))
  return named ?? siteNameFromUrl(url)
}

/**
 * The organisation that publishes the page, as the page names it (its JSON-LD publisher,
 * og:site_name, its WebSite's name); never a domain made into a name.
 */
export function findPublisher(meta: MetaTags, ld: JsonLdArticle | undefined): string | undefined {
  return [ld?.publisher, firstMeta(meta, ['og:site_name']), ld?.siteName]
    .map((s) => s?.replace(/\s+/g, ' ').trim())
    .find((s) => s && isName(s) && !/^(?:www\.|[\w-]+\.[a-z]{2,}\/)/i.test(s))
}

/** A plausible site name: short, not an address, not a sentence. */
function isName(s: string): boolean {
  return s.length <= 80 && !/^https?:\/\//i.test(s) && s.split(/\s+/).length <= 8
}
