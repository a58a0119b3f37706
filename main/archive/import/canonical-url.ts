// The key two addresses of one article share: the same page reached through a tracking
// link, an AMP or mobile variant, http or https, with or without a trailing slash.
const TRACKING_PARAM =
  /^(utm_[a-z_]+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|igshid|yclid|_hsenc|_hsmi|mkt_tok|oly_anon_id|oly_enc_id|vero_id|ref_src|ref_url|cmpid|ncid|smid|sr_share|share|s_cid|at_medium|at_campaign|rss|amp|outputtype|__twitter_impression)$/i

const VARIANT_HOST = /^(www|m|mobile|amp)\./i

/**
 * A comparison key for `url`, or null when it is not an http(s) address. Never shown to the
 * user and never fetched: it only decides whether two addresses are one article.
 */
export function canonicalUrlKey(url: string): string | null {
  let u: URL
  try {
    u = new URL(url.trim())
  } catch {
    return null
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null
  let host = u.hostname.toLowerCase()
  while (VARIANT_HOST.test(host) && host.split('.').length > 2)
    host = host.replace(VARIANT_HOST, '')
  // Google's AMP cache and AMP paths: /amp, /amp/, /article.amp, /amp/article.
  let path = u.pathname
    .replace(/\/amp\/?$/i, '')
    .replace(/\.amp(\.html)?$/i, '$1')
    .replace(/^\/amp\//i, '/')
    .replace(/\/index\.html?$/i, '/')
    .replace(/\/+$/, '')
  if (path === '') path = '/'
  const params = [...u.searchParams.entries()]
    .filter(([k]) => !TRACKING_PARAM.test(k))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : ''
  const port = u.port && u.port !== '80' && u.port !== '443' ? `:${u.port}` : ''
  return `${host}${port}${path}${query}`
}
