// "The same code loadable in Firefox": the built extension (dist/extension) passes Mozilla's
// own add-on linter, and Firefox ESR installs it as a temporary add-on (web-ext, the tool
// Mozilla ships for this). Playwright cannot drive a stock Firefox, so the capture journeys
// themselves run in Chromium (capture-extension.spec.ts).
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from './fixtures.ts'
import { EXTENSION_DIR } from './pages/extension-browser.ts'
import { PROJECT_ROOT } from './server.ts'

const BIN = join(PROJECT_ROOT, 'node_modules', '.bin')
const FIREFOX = '/usr/bin/firefox-esr'

/**
 * Warnings Mozilla's linter gives that are intended: Chromium needs `background.service_worker`,
 * Firefox reads `background.scripts` beside it (the same file) and says it ignores the other.
 */
const EXPECTED_WARNINGS = new Set(['BACKGROUND_SERVICE_WORKER_IGNORED'])

interface LintReport {
  errors: { code: string; message: string }[]
  warnings: { code: string; message: string }[]
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  return spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] })
}

test('Mozilla’s add-on linter finds no error and no unexpected warning', async () => {
  test.setTimeout(120_000)
  const child = run(join(BIN, 'addons-linter'), ['--output', 'json', EXTENSION_DIR])
  let out = ''
  child.stdout.on('data', (d: Buffer) => (out += d.toString()))
  await new Promise((resolve) => child.once('close', resolve))
  const report = JSON.parse(out) as LintReport
  expect(report.errors.map((e) => `${e.code}: ${e.message}`)).toEqual([])
  const unexpected = report.warnings.filter((w) => !EXPECTED_WARNINGS.has(w.code))
  expect(unexpected.map((w) => `${w.code}: ${w.message}`)).toEqual([])
})

test('Firefox ESR installs the extension as a temporary add-on', async () => {
  test.skip(
    !existsSync(FIREFOX),
    `Firefox ESR is not installed (${FIREFOX}; Debian: firefox-esr; .ci/run installs it)`,
  )
  test.setTimeout(180_000)
  const profile = await mkdtemp(join(tmpdir(), 'quire-firefox-'))
  const child = run(
    join(BIN, 'web-ext'),
    [
      'run',
      '--source-dir',
      EXTENSION_DIR,
      '--firefox',
      FIREFOX,
      '--firefox-profile',
      profile,
      '--no-input',
      '--no-reload',
      '--args=-headless',
    ],
    { ...process.env, MOZ_HEADLESS: '1' },
  )
  let out = ''
  const collect = (d: Buffer) => (out += d.toString())
  child.stdout.on('data', collect)
  child.stderr.on('data', collect)
  try {
    await expect
      .poll(() => out, { timeout: 150_000, message: 'web-ext run output' })
      .toMatch(/Installed .* as a temporary add-on|error/i)
    expect(out).toContain(`Installed ${EXTENSION_DIR} as a temporary add-on`)
  } finally {
    child.kill('SIGINT')
    await new Promise((resolve) => setTimeout(resolve, 2000))
    child.kill('SIGKILL')
    await rm(profile, { recursive: true, force: true })
  }
})
