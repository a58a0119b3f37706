import { describe, expect, it } from 'vitest'
import { formatSummary, runCrashHarness } from '../../../../crash/harness.ts'

// The short run of the crash harness (`npm run crash -- --runs 1000` is the long one):
// a writer SIGKILLed at random instants, and the archive checked after each kill.
describe('crash consistency', () => {
  it('survives 15 SIGKILLs mid-write: opens clean, loses nothing, leaves no orphan, merges every copy', async () => {
    const seed = Date.now() % 100000
    const summary = await runCrashHarness({
      runs: 15,
      seed,
      jobs: 3,
      maxDelayMs: 300,
      runsPerArchive: 5,
      // Every other kill waits for the child's first operation to be done, so on a loaded
      // machine (a slow open) kills still land among writes, not all inside open.
      killAmongOpsEvery: 2,
      // Every third run, another device's conflict copies and replaced shards to merge.
      mergeEvery: 3,
    })
    const report = `seed ${seed}: ${formatSummary(summary)}\n${summary.failures.join('\n')}`
    expect(summary.failures, report).toEqual([])
    expect(summary).toMatchObject({
      runs: 15,
      damaged: 0,
      lost: 0,
      phantom: 0,
      torn: 0,
      orphans: 0,
      partialBulk: 0,
      mergeLost: 0,
      copiesGoneEarly: 0,
    })
    expect(summary.mergeRuns, report).toBeGreaterThan(0)
    expect(summary.ops, report).toBeGreaterThan(0) // guaranteed by killAmongOpsEvery
  }, 600_000)
})
