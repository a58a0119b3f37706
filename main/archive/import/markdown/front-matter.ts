// YAML front matter of a Markdown note (Obsidian Web Clipper, Jekyll, Hugo…): split from the
// body and read safely (size cap, few aliases, so an alias bomb cannot expand).
import { parse } from 'yaml'
import { ImportFailure } from '../extracted.ts'

/** Front matter longer than this is not metadata. */
export const MAX_FRONT_MATTER_CHARS = 64 * 1024

export interface SplitNote {
  data: Record<string, unknown>
  body: string
}

const OPEN = /^---[ \t]*\n/
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/m

/**
 * The note's metadata and body. A note without front matter has empty data. Throws
 * ImportFailure 'INVALID_INPUT' when the front matter is too long or not valid YAML.
 */
export function splitFrontMatter(text: string): SplitNote {
  if (!OPEN.test(text)) return { data: {}, body: text }
  const afterOpen = text.indexOf('\n') + 1
  const close = CLOSE.exec(text.slice(afterOpen))
  if (!close) return { data: {}, body: text } // a lone '---' is a rule, not front matter
  const yaml = text.slice(afterOpen, afterOpen + close.index)
  if (yaml.length > MAX_FRONT_MATTER_CHARS) {
    throw new ImportFailure(
      'INVALID_INPUT',
      'the front matter (between the --- lines) is longer than 64 KB',
    )
  }
  const bodyStart = afterOpen + close.index + close[0].length
  return { data: readYaml(yaml), body: text.slice(bodyStart).replace(/^\n/, '') }
}

function readYaml(yaml: string): Record<string, unknown> {
  let value: unknown
  try {
    // 'core' keeps dates as strings; a handful of aliases is plenty for real metadata.
    value = parse(yaml, {
      schema: 'core',
      maxAliasCount: 20,
      uniqueKeys: false,
      prettyErrors: false,
    })
  } catch (err) {
    const why = err instanceof Error ? err.message.split('\n')[0] : String(err)
    throw new ImportFailure(
      'INVALID_INPUT',
      `the front matter (between the --- lines) is not valid YAML: ${why}`,
    )
  }
  if (value === null || value === undefined) return {}
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new ImportFailure(
      'INVALID_INPUT',
      'the front matter (between the --- lines) is not a list of key: value fields',
    )
  }
  return value as Record<string, unknown>
}

/** The first of `keys` holding a non-empty string (or a number, or a date). */
export function stringField(data: Record<string, unknown>, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const s = scalar(data[key])
    if (s) return s
  }
  return undefined
}

/** A field that may be a string, a comma-separated string or a list of strings. */
export function listField(data: Record<string, unknown>, ...keys: string[]): string[] {
  for (const key of keys) {
    const v = data[key]
    const items = Array.isArray(v)
      ? v.map(scalar)
      : typeof v === 'string'
        ? v.split(',')
        : [scalar(v)]
    const clean = items.map((s) => s?.trim()).filter((s): s is string => !!s)
    if (clean.length) return [...new Set(clean)]
  }
  return []
}

function scalar(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined
  if (typeof v === 'number' && Number.isFinite(v)) return String(v)
  if (v instanceof Date && Number.isFinite(v.getTime())) return v.toISOString()
  return undefined
}
