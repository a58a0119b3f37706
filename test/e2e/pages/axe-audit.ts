// Accessibility audit: runs axe-core (WCAG 2.1 A and AA rules) on the page as it stands and
// reports the violations a person would hit hardest (impact serious or critical).
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'

export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

/** One violation, flattened to what a failing test should print. */
export interface Finding {
  scene: string
  id: string
  impact: string
  help: string
  /** Each node hit: its selector, and axe's reason where it gives one (e.g. the ratio). */
  targets: string[]
}

/** The impacts that fail the audit; minor and moderate ones are left to review. */
const BLOCKING = new Set(['serious', 'critical'])

/**
 * Audits the whole page and returns its serious and critical violations, tagged with `scene`
 * (for example "reader, dark") so one report can cover several screens.
 */
export async function auditPage(page: Page, scene: string): Promise<Finding[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze()
  return results.violations
    .filter((v) => BLOCKING.has(v.impact ?? ''))
    .map((v) => ({
      scene,
      id: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      targets: v.nodes.map((n) => {
        const why = [...n.any, ...n.all, ...n.none].find((c) => c.message)?.message
        return why ? `${n.target.join(' ')} (${why})` : n.target.join(' ')
      }),
    }))
}

/** A readable report: one block per violation, its id, impact, help and the nodes it hit. */
export function formatFindings(findings: Finding[]): string {
  return findings
    .map(
      (f) =>
        `[${f.scene}] ${f.id} (${f.impact}): ${f.help}\n` +
        f.targets.map((t) => `    at ${t}`).join('\n'),
    )
    .join('\n')
}
