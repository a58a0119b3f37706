// Splits a set of files into upload calls small enough for one request each, and sets aside
// files too large to upload at all (the contract caps one file's base64 text).
import { MAX_UPLOAD_BASE64_CHARS } from '../../../shared/api.ts'

export const MAX_FILES_PER_CALL = 20
export const MAX_BYTES_PER_CALL = 24 * 1024 * 1024

export interface Sized {
  name: string
  size: number
}

export interface BatchPlan<F extends Sized> {
  batches: F[][]
  tooLarge: F[]
}

export function base64Length(bytes: number): number {
  return 4 * Math.ceil(bytes / 3)
}

/** Keeps the files' order; a file bigger than the per-call budget travels alone. */
export function planBatches<F extends Sized>(
  files: readonly F[],
  maxFiles = MAX_FILES_PER_CALL,
  maxBytes = MAX_BYTES_PER_CALL,
): BatchPlan<F> {
  const batches: F[][] = []
  const tooLarge: F[] = []
  let current: F[] = []
  let bytes = 0
  for (const file of files) {
    if (base64Length(file.size) > MAX_UPLOAD_BASE64_CHARS) {
      tooLarge.push(file)
      continue
    }
    if (current.length > 0 && (current.length >= maxFiles || bytes + file.size > maxBytes)) {
      batches.push(current)
      current = []
      bytes = 0
    }
    current.push(file)
    bytes += file.size
  }
  if (current.length > 0) batches.push(current)
  return { batches, tooLarge }
}
