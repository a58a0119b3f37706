// The window sizes every screen is checked at (layout.spec.ts) and audited at (a11y.spec.ts):
// a large desktop, a laptop, an old laptop and a small window, either side of the layout's
// breakpoints (renderer/src/ui/layout/breakpoints.ts).
export const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1400, height: 900 },
  { width: 1024, height: 768 },
  { width: 800, height: 600 },
] as const
