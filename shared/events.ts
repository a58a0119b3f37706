// Main -> renderer events and their payload schemas.
import * as z from 'zod'

export const events = {
  'archive:changed': z.object({ reason: z.string() }),
  'import:progress': z.object({
    done: z.number().int(),
    total: z.number().int(),
    current: z.string(),
  }),
  'index:progress': z.object({
    state: z.enum(['syncing', 'ready', 'failed']),
    done: z.number().int(),
    total: z.number().int(),
  }),
  /** A long export says how far it got (articles or files written, of the total). */
  'export:progress': z.object({
    phase: z.enum(['reading', 'writing']),
    done: z.number().int(),
    total: z.number().int(),
  }),
  /** The desktop menu asks the page to show one of its screens. */
  'ui:open': z.object({
    screen: z.enum(['settings', 'web-import', 'feeds', 'notebook', 'export']),
  }),
  /** The browser extension's "Open in Quire" in the desktop app: show this article. */
  'ui:openArticle': z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) }),
  /**
   * The desktop window is closing or the app quitting: the page saves what is pending (the
   * reading position, an open note) and then calls `app:flushed` with the same id.
   */
  'app:flush': z.object({ id: z.number().int().nonnegative() }),
  /** Copies another device synced in were merged (or set aside) while the archive was open. */
  'sync:merged': z.object({
    at: z.string(),
    files: z.number().int(),
    records: z.number().int(),
    unmerged: z.number().int(),
  }),
  'import:finished': z.object({
    imported: z.number().int(),
    duplicates: z.number().int(),
    skipped: z.number().int(),
    failed: z.number().int(),
    failures: z.array(z.object({ source: z.string(), message: z.string() })),
  }),
} as const satisfies Record<string, z.ZodType>

export type EventName = keyof typeof events
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>
export const EVENT_NAMES = Object.keys(events) as EventName[]

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name)
}
