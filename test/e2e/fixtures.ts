// Playwright fixtures: each test gets a fresh archive folder, its own browser-shell server on
// it, and page objects already pointed at the app.
import { test as base, expect } from '@playwright/test'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { LibraryPage } from './pages/library-page.ts'
import { ReaderPage } from './pages/reader-page.ts'
import { SearchPage } from './pages/search-page.ts'
import { PROJECT_ROOT, runNode, startShell } from './server.ts'

/** Files imported with the CLI before the server starts, each batch with its tags. */
export interface SeedBatch {
  files: string[]
  tags?: string[]
}

/** An object, not a bare array: Playwright reads an array in `test.use` as [value, options]. */
export interface Seed {
  imports: SeedBatch[]
}

interface Fixtures {
  seed: Seed
  archiveDir: string
  appUrl: string
  library: LibraryPage
  reader: ReaderPage
  search: SearchPage
}

export const test = base.extend<Fixtures>({
  seed: [{ imports: [] }, { option: true }],

  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a function asks for from its first parameter
  archiveDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'quire-e2e-'))
    await use(dir)
    await rm(dir, { recursive: true, force: true })
  },

  appUrl: async ({ archiveDir, seed }, use) => {
    for (const batch of seed.imports) {
      const tags = (batch.tags ?? []).flatMap((t) => ['--tag', t])
      await runNode([
        'main/cli/main.ts',
        'import',
        ...batch.files,
        ...tags,
        '--archive',
        archiveDir,
      ])
    }
    const shell = await startShell(archiveDir)
    try {
      await use(shell.url)
    } finally {
      await shell.stop()
    }
  },

  library: async ({ page, appUrl }, use) => {
    const library = new LibraryPage(page)
    await library.goto(appUrl)
    await use(library)
  },

  reader: async ({ page }, use) => {
    await use(new ReaderPage(page))
  },

  search: async ({ page }, use) => {
    await use(new SearchPage(page))
  },
})

export { expect }

export function fixturePath(...parts: string[]): string {
  return join(PROJECT_ROOT, 'test', 'fixtures', 'e2e', ...parts)
}

export function screenshotPath(name: string): string {
  return join(PROJECT_ROOT, 'test-results', 'screenshots', `${name}.png`)
}
