import { describe, expect, it } from 'vitest'
import { formatSummary, runCrashHarness } from '../../../../crash/harness.ts'

// The short run of the crash harness (`npm run crash -- --runs 1000` is the long one):
// a writer SIGKILLed at random instants, and the archive checked after each kill.
describe('crash consistency', () => {
  it('survives 15 SIGKILLs mid-write: opens clean, loses no journaled write', async () => {
    const seed = Date.now() % 100000
    const summary = await runCrashHarness({
      runs: 15,
      seed,
      jobs: 3,
      maxDelayMs: 300,
      runsPerArchive: 5,
    })
    const report = `seed ${seed}: ${formatSummary(summary)}\n${summary.failures.join('\n')}`
    expect(summary.failures, report).toEqual([])
    expect(summary).toMatchObject({ runs: 15, damaged: 0, lost: 0, phantom: 0, torn: 0 })
    expect(summary.ops, report).toBeGreaterThan(0) // the kills did land among writes
  }, 60_000)
})
