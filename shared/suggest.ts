// The search box's suggestions: tags, sources and authors of the archive whose name (or a word
// of it) begins with what is being typed. Declared apart from api.ts, which lists the op.
import { z } from 'zod'

export const SuggestKindSchema = z.enum(['tag', 'source', 'author'])
export type SuggestKind = z.infer<typeof SuggestKindSchema>

export const SuggestInputSchema = z
  .object({
    /** What is being typed: the last word of the query, or the value after `tag:` and the like. */
    prefix: z.string().max(200),
    /** Only these kinds (after `tag:`, only tags); all three by default. */
    kinds: z.array(SuggestKindSchema).min(1).max(3).optional(),
    limit: z.number().int().min(1).max(50).default(8),
  })
  .strict()
export type SuggestInput = z.input<typeof SuggestInputSchema>

export const SuggestionSchema = z.object({
  kind: SuggestKindSchema,
  /** The tag, source or author as the archive has it. */
  value: z.string(),
  /** Articles outside the Trash that have it. */
  count: z.number().int().nonnegative(),
})
export type Suggestion = z.infer<typeof SuggestionSchema>
