// The size caps of the service importers, in one place so the docs and the tests agree.

const MB = 1024 * 1024

/** CSV exports are link lists: 64 MB is several hundred thousand rows. */
export const MAX_CSV_BYTES = 64 * MB
/** JSON exports may carry every article body (Wallabag, Omnivore). */
export const MAX_JSON_BYTES = 256 * MB
export const MAX_HTML_EXPORT_BYTES = 64 * MB
/** The compressed zip; what it unpacks to is capped by readZip. */
export const MAX_ZIP_BYTES = 512 * MB
/** More items than this in one export is refused rather than half-imported. */
export const MAX_ENTRIES = 500_000

export function formatMb(n: number): string {
  return (n / MB).toFixed(n % MB === 0 ? 0 : 1)
}
