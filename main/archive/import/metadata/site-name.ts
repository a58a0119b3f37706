// The name to show for where an article came from when the page names no site: the host of
// its address without "www." ("theguardian.com"). File names are never a source.

/** "theguardian.com" for "https://www.theguardian.com/…"; undefined for non-web addresses. */
export function siteNameFromUrl(address: string | undefined): string | undefined {
  if (!address) return undefined
  try {
    const url = new URL(address)
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined
    const host = url.hostname.replace(/^(?:www\d?|m|amp|mobile)\./i, '').toLowerCase()
    return host || undefined
  } catch {
    return undefined
  }
}
