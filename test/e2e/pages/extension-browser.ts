// Debian's Chromium with the built capture extension loaded (dist/extension), in a profile
// folder of its own that a test can close and open again (a browser restart), and helpers
// to reach the extension: its id, its popup for a given tab, its worker's view of the badge.
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { CHROMIUM_PATH } from '../../../playwright.config.ts'
import { PROJECT_ROOT } from '../server.ts'

export const EXTENSION_DIR = join(PROJECT_ROOT, 'dist', 'extension')

export interface ExtensionBrowser {
  context: BrowserContext
  id: string
  worker: Worker
  close(): Promise<void>
}

export interface LaunchOptions {
  /** An X display to show a real window on (with its toolbar), instead of headless. */
  display?: string
}

export async function launchWithExtension(
  profileDir: string,
  opts: LaunchOptions = {},
): Promise<ExtensionBrowser> {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    // Chromium's own headless mode (the new one) runs extensions.
    headless: opts.display === undefined,
    ...(opts.display === undefined ? {} : { env: { ...process.env, DISPLAY: opts.display } }),
    // A real window takes the size it is given at launch; headless pages get a viewport.
    viewport: opts.display === undefined ? { width: 1100, height: 760 } : null,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      ...(opts.display === undefined ? [] : ['--window-position=0,0', '--window-size=1280,800']),
    ],
  })
  const worker =
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker', { timeout: 60_000 }))
  const id = new URL(worker.url()).host
  return { context, id, worker, close: () => context.close() }
}

/** The id Chromium gave the tab showing `url` (the popup is opened for that tab). */
export async function tabIdOf(b: ExtensionBrowser, url: string): Promise<number> {
  // Strings run in the extension's worker, where `chrome` is (these files have no its types).
  const id = (await b.worker.evaluate(
    `chrome.tabs.query({}).then((tabs) => tabs.find((t) => t.url === ${JSON.stringify(url)})?.id ?? null)`,
  )) as number | null
  if (id === null) throw new Error(`no tab shows ${url}`)
  return id
}

/** The popup as a page, for the tab `tabId` (capture=false: look, do not save). */
export async function openPopup(
  b: ExtensionBrowser,
  tabId?: number,
  opts: { capture?: boolean } = {},
): Promise<Page> {
  const page = await b.context.newPage()
  const params = new URLSearchParams()
  if (tabId !== undefined) params.set('tab', String(tabId))
  if (opts.capture === false) params.set('capture', '0')
  await page.setViewportSize({ width: 360, height: 560 })
  await page.goto(`chrome-extension://${b.id}/popup.html?${params.toString()}`)
  return page
}

export async function badgeText(b: ExtensionBrowser, tabId: number): Promise<string> {
  return (await b.worker.evaluate(`chrome.action.getBadgeText({ tabId: ${tabId} })`)) as string
}

/**
 * Pins the extension to the toolbar of the profile (Chromium keeps new extensions in its
 * puzzle menu, where no badge shows): written while the browser is closed, read at the next
 * launch.
 */
export async function pinExtension(profileDir: string, id: string): Promise<void> {
  const file = join(profileDir, 'Default', 'Preferences')
  const prefs = JSON.parse(await readFile(file, 'utf8')) as {
    extensions?: { pinned_extensions?: string[] }
  }
  prefs.extensions = { ...prefs.extensions, pinned_extensions: [id] }
  await writeFile(file, JSON.stringify(prefs))
}
