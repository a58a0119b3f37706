// The app's own origin (`app://quire/`): where the renderer is served from, and the only
// place that may navigate the window or call the IPC API.
export const APP_SCHEME = 'app'
export const APP_HOST = 'quire'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_START_URL = `${APP_ORIGIN}/index.html`

/**
 * True when `url` is a page of ours. Compares scheme and host rather than `URL.origin`,
 * because WHATWG URL gives non-special schemes such as `app:` an opaque origin ("null").
 */
export function isAppUrl(url: string): boolean {
  const parsed = parseUrl(url)
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST
}

/** True for URLs that may be handed to the system browser: http and https, nothing else. */
export function isExternalWebUrl(url: string): boolean {
  const parsed = parseUrl(url)
  return parsed !== null && (parsed.protocol === 'http:' || parsed.protocol === 'https:')
}

/** What the system may open for the user: web pages and mail addresses (links in notes). */
export function isExternalOpenable(url: string): boolean {
  return isExternalWebUrl(url) || parseUrl(url)?.protocol === 'mailto:'
}

export function parseUrl(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}
