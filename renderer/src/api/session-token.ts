// The browser shell's API token: arrives once in the URL fragment (#token=…), then lives in
// sessionStorage so a reload keeps working while the address bar no longer shows it.

const STORAGE_KEY = 'quire.token'
let pendingOpen: string | undefined

/** The article the address asked to open, once (the first caller gets it). */
export function takeOpenRequest(): string | undefined {
  const id = pendingOpen
  pendingOpen = undefined
  return id
}

/** The token in a location hash such as `#token=abc`, or undefined when there is none. */
export function tokenFromHash(hash: string): string | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ''))
  const token = params.get('token')?.trim()
  return token ? token : undefined
}

/**
 * Takes the token from the fragment (remembering it and clearing it from the visible URL),
 * or falls back to the one remembered for this tab. Undefined when neither exists.
 */
export function takeSessionToken(): string | undefined {
  const fromHash = tokenFromHash(location.hash)
  if (fromHash) {
    // The browser extension's "Open in Quire" adds the article to open (#token=…&open=id).
    pendingOpen = new URLSearchParams(location.hash.replace(/^#/, '')).get('open') ?? undefined
    try {
      sessionStorage.setItem(STORAGE_KEY, fromHash)
    } catch {
      // Storage can be disabled; the token still works for this page's lifetime.
    }
    history.replaceState(history.state, '', location.pathname + location.search)
    return fromHash
  }
  try {
    return sessionStorage.getItem(STORAGE_KEY) ?? undefined
  } catch {
    return undefined
  }
}
