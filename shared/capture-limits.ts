// The capture extension's numbers, apart from the schemas so the extension's bundles carry
// no zod (it imports these and the types only).

/** The most a capture may carry, page and images together, once JSON-encoded. */
export const MAX_CAPTURE_BYTES = 48 * 1024 * 1024
/** Images one capture carries; more are left out (their alt text stays). */
export const MAX_CAPTURE_IMAGES = 80
/** The address `quire serve` and the app listen on for captures unless told otherwise. */
export const DEFAULT_CAPTURE_PORT = 47123
