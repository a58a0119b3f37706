// Tells decoded text from binary data that happened to decode, by its share of control characters.

// C0 controls other than tab, line feed, vertical tab, form feed and carriage return, plus DEL
// and the C1 block: real prose has next to none of them, binary formats have plenty.
const CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/g

/** The share of control characters above which decoded text is treated as binary. */
export const MAX_CONTROL_SHARE = 0.05

/** True when `text` has too many control characters to be prose. */
export function looksBinary(text: string): boolean {
  if (text.length === 0) return false
  const controls = text.match(CONTROL)?.length ?? 0
  return controls / text.length > MAX_CONTROL_SHARE
}

/** Removes the few stray control characters a real text file may carry (they render as nothing). */
export function stripControls(text: string): string {
  return text.replace(CONTROL, '')
}
