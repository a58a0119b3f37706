// The capture extension's wire format: what the browser extension sends to the running
// Quire (main/serve/capture) and what it gets back. Shared so both sides validate one shape.
import * as z from 'zod'
import { TagNameSchema } from './model.ts'

import { MAX_CAPTURE_IMAGES } from './capture-limits.ts'

export { DEFAULT_CAPTURE_PORT, MAX_CAPTURE_BYTES, MAX_CAPTURE_IMAGES } from './capture-limits.ts'

const HttpUrl = z
  .string()
  .max(8192)
  .refine((s) => /^https?:\/\//i.test(s), 'must be an http(s) address')

/** A selection made at capture time: the first highlight, anchored like an imported one. */
export const CaptureSelectionSchema = z.object({
  exact: z.string().min(1).max(20_000),
  prefix: z.string().max(200).optional(),
  suffix: z.string().max(200).optional(),
})

export const CapturedImageSchema = z.object({
  /** The absolute address the page's <img> names (after lazy-loading was resolved). */
  url: HttpUrl,
  /** The bytes, base64, as the page's own session fetched them. */
  data: z.string().max(30 * 1024 * 1024),
})

/** Idempotency keys: a retry of a delivered item is answered from its receipt. */
export const CaptureKeySchema = z.string().regex(/^[A-Za-z0-9-]{16,64}$/, 'not a capture key')

export const CaptureRequestSchema = z.object({
  key: CaptureKeySchema,
  url: HttpUrl,
  /** The rendered page, shadow roots flattened, lazy images resolved. */
  html: z
    .string()
    .min(1)
    .max(32 * 1024 * 1024),
  images: z.array(CapturedImageSchema).max(MAX_CAPTURE_IMAGES).default([]),
  selection: CaptureSelectionSchema.optional(),
  tags: z.array(TagNameSchema).max(50).default([]),
  note: z.string().max(100_000).optional(),
})
export type CaptureRequest = z.infer<typeof CaptureRequestSchema>

/** Tags and a note added in the popup after the page was captured. */
export const CaptureAmendSchema = z.object({
  key: CaptureKeySchema,
  /** The capture this amends (its key). */
  capture: CaptureKeySchema,
  tags: z.array(TagNameSchema).max(50).default([]),
  note: z.string().max(100_000).optional(),
})
export type CaptureAmend = z.infer<typeof CaptureAmendSchema>

export const CaptureResultSchema = z.object({
  /** imported: new article; version: a new body for an address already here; duplicate:
   * the same text was already here (tags and highlight added to it). */
  status: z.enum(['imported', 'version', 'duplicate']),
  id: z.string(),
  title: z.string(),
})
export type CaptureResult = z.infer<typeof CaptureResultSchema>

export const CaptureLookupSchema = z.object({
  urls: z.array(z.string().max(8192)).min(1).max(4),
})

export const PairRequestSchema = z.object({
  code: z.string().min(1).max(32),
  /** What the app lists the pairing as ("Chromium on this computer"). */
  name: z.string().max(100).optional(),
})

/** The pairing dialog's content: the code to type and where the extension finds Quire. */
export const PairingCodeSchema = z.object({
  code: z.string(),
  expiresAt: z.string(),
  /** The capture address (http://127.0.0.1:PORT), or null when it could not listen. */
  address: z.string().nullable(),
  /** Why there is no address (the port is taken), for the dialog. */
  problem: z.string().optional(),
  paired: z.number().int().nonnegative(),
})
export type PairingCode = z.infer<typeof PairingCodeSchema>

/** A code as the user types it: case, spaces and dashes do not matter. */
export function normalisePairingCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '')
}
