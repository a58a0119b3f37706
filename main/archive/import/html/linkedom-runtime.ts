// linkedom (an HTML parser with a CSS selector engine) costs ~25 MB of the main process's
// memory once loaded, and most sessions import no web page: it loads on the first import that
// may need it (the pipeline, feed refreshes and web fetches call loadLinkedom() first), and
// the parsing code, which is synchronous, takes the loaded module from linkedom().
import type * as LinkedomModule from 'linkedom'

type Linkedom = typeof LinkedomModule

let loaded: Linkedom | undefined

export async function loadLinkedom(): Promise<Linkedom> {
  loaded ??= await import('linkedom')
  return loaded
}

/** The loaded module; throws when nothing called loadLinkedom() first (a programming error). */
export function linkedom(): Linkedom {
  if (!loaded) throw new Error('linkedom is not loaded: await loadLinkedom() before parsing HTML')
  return loaded
}
