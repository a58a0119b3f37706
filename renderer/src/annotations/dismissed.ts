// Repair candidates the person dismissed, remembered for this session only (nothing is stored:
// a dismissed orphan stays an orphan, and its candidate comes back after a restart).
const dismissed = new Set<string>()

export function isDismissed(annotationId: string): boolean {
  return dismissed.has(annotationId)
}

export function dismiss(annotationId: string): void {
  dismissed.add(annotationId)
}
