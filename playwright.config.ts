// End-to-end tests: the renderer in Debian's Chromium, driven through the browser shell.
import { defineConfig } from '@playwright/test'

export const CHROMIUM_PATH = process.env.QUIRE_CHROMIUM ?? '/usr/bin/chromium'

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // Generous, for a loaded 2-core machine (an axe audit of a full page alone took 30 s
  // with both cores busy); expectations wait up to 20 s for the app's own events.
  timeout: 120_000,
  expect: { timeout: 20_000 },
  // The skip reporter first: its lines come before the list reporter's closing summary.
  reporter: [['./test/e2e/skip-reasons-reporter.ts'], ['list']],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
    viewport: { width: 1280, height: 800 },
    trace: 'off',
    screenshot: 'only-on-failure',
  },
})
