// Prints why each skipped test was skipped, as it happens: the list reporter shows only a
// dash, and "skipped: Electron binary not installed" must be visible in the run's output.
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter'

export default class SkipReasonsReporter implements Reporter {
  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status !== 'skipped') return
    const reason = test.annotations.find((a) => a.type === 'skip')?.description ?? 'skipped'
    console.log(`  ${test.titlePath().filter(Boolean).join(' › ')}: ${reason}`)
  }

  printsToStdio(): boolean {
    return true
  }
}
