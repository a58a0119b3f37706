// The layout system holds together: every window-width query of the renderer's CSS is in
// styles/layout.css, at a breakpoint that ui/layout/breakpoints.ts declares (the code that must
// know the layout asks the same numbers), and every declared breakpoint is used. Runs with
// Node's types (tsconfig.node.json): it reads the CSS files.
import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BREAKPOINTS, below } from '../../../../../renderer/src/ui/layout/breakpoints.ts'

const SRC = join(import.meta.dirname, '../../../../../renderer/src')
const WIDTH_QUERY = /@media[^{]*\b(?:min-|max-)?width\b[^{]*/g

async function cssFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true })
  const nested = await Promise.all(
    entries.map((e) =>
      e.isDirectory()
        ? cssFiles(join(dir, e.name))
        : Promise.resolve(e.name.endsWith('.css') ? [join(dir, e.name)] : []),
    ),
  )
  return nested.flat()
}

describe('the layout breakpoints', () => {
  it('are the only window-width queries, all in styles/layout.css', async () => {
    const elsewhere: string[] = []
    for (const file of await cssFiles(SRC)) {
      const name = relative(SRC, file)
      if (name === join('styles', 'layout.css')) continue
      for (const [query] of (await readFile(file, 'utf8')).matchAll(WIDTH_QUERY))
        elsewhere.push(`${name}: ${query.trim()}`)
    }
    expect(elsewhere, 'a component adapts to its own box with @container instead').toEqual([])
  })

  it('in layout.css are exactly the declared ones, written as the code asks them', async () => {
    const css = await readFile(join(SRC, 'styles', 'layout.css'), 'utf8')
    const queries = [...css.matchAll(WIDTH_QUERY)].map(([q]) => q.replace('@media', '').trim())
    const declared = Object.values(BREAKPOINTS).map(below)
    expect(queries.length).toBeGreaterThan(0)
    for (const q of queries) expect(declared).toContain(q)
    for (const d of declared) expect(queries).toContain(d)
  })
})
