// The user's Markdown template, kept in this window's localStorage and sent with each export.
// A stored value that no longer fits the contract is ignored (the defaults apply).
import { ExportTemplateSchema, type ExportTemplate } from '../../../shared/api.ts'

const KEY = 'quire.export.markdownTemplate'

export function loadTemplate(): ExportTemplate | undefined {
  try {
    const raw = localStorage.getItem(KEY)
    if (!raw) return undefined
    const parsed = ExportTemplateSchema.safeParse(JSON.parse(raw))
    return parsed.success ? parsed.data : undefined
  } catch {
    return undefined
  }
}

/** Saves it; undefined forgets it (Reset). Storage refused (private mode) is not an error. */
export function saveTemplate(template: ExportTemplate | undefined): void {
  try {
    if (template) localStorage.setItem(KEY, JSON.stringify(template))
    else localStorage.removeItem(KEY)
  } catch {
    // Kept for this session only.
  }
}
