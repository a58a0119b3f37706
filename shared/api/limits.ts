// The contract's size limits, shared by the schemas of several areas.

/** The most items one page of a list, a search or the notebook may ask for. */
export const MAX_PAGE_SIZE = 500
/** Uploads arrive base64-encoded; this caps one file at about 48 MB of raw bytes. */
export const MAX_UPLOAD_BASE64_CHARS = 64 * 1024 * 1024
