// The CI gate around electronegativity: it must see a HIGH finding in a known-bad window,
// let an allow-list entry through only for the same check in the same file, and flag stale
// entries. Otherwise a silent tool would pass every build.
import { mkdir, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  judge,
  readAllowList,
  scan,
  summarize,
  type Finding,
} from '../../tools/electronegativity-check.ts'
import { tempDir } from '../helpers/temp-dir.ts'
import { REPO } from './helpers/electron-facts.ts'

const BAD_WINDOW = `import { BrowserWindow } from 'electron'
export function open(): BrowserWindow {
  return new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } })
}
`

describe('electronegativity-check', () => {
  it('finds HIGH issues in a window with Node integration and no context isolation', async () => {
    const dir = await tempDir()
    await mkdir(join(dir, 'app'))
    await writeFile(join(dir, 'app', 'bad-window.ts'), BAD_WINDOW)
    const result = await scan(dir, '45.0.0')
    expect(result.parseErrors).toEqual([])
    expect(result.filesScanned).toBe(1)
    const file = relative(REPO, join(dir, 'app', 'bad-window.ts'))
      .split('\\')
      .join('/')
    const high = result.findings.filter((f) => f.severity === 'HIGH' && f.file === file)
    expect(high.map((f) => f.check)).toEqual(expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK']))
    expect(judge(result.findings, []).blocking.length).toBeGreaterThan(0)
    expect(summarize(result.findings)).toMatch(/^HIGH\s+\d/m)
  })

  it('allows a HIGH finding only for the same check in the same file', () => {
    const finding: Finding = {
      check: 'CONTEXT_ISOLATION_JS_CHECK',
      severity: 'HIGH',
      confidence: 'FIRM',
      file: 'main/app/window.ts',
      line: 30,
      manualReview: false,
    }
    const reason = 'a reason that is long enough to explain itself'
    const same = { check: finding.check, file: finding.file, reason }
    expect(judge([finding], [same])).toMatchObject({ blocking: [], unused: [] })
    const otherFile = { ...same, file: 'main/app/menu.ts' }
    const otherCheck = { ...same, check: 'SANDBOX_JS_CHECK' }
    const verdict = judge([finding], [otherFile, otherCheck])
    expect(verdict.blocking).toEqual([finding])
    expect(verdict.unused).toEqual([otherFile, otherCheck])
  })

  it('never blocks on MEDIUM or lower findings', () => {
    const medium: Finding = {
      check: 'CSP_GLOBAL_CHECK',
      severity: 'MEDIUM',
      confidence: 'CERTAIN',
      file: 'N/A',
      line: 0,
      manualReview: false,
    }
    expect(judge([medium], []).blocking).toEqual([])
  })

  it('reads the allow-list in the repository, each entry with its reason', () => {
    for (const entry of readAllowList()) expect(entry.reason.length).toBeGreaterThanOrEqual(20)
  })
})
