// Re-export into an existing note: rewrite only the Quire-owned front matter keys and the
// text between the markers; everything the user wrote around them stays byte for byte.
import { isDeepStrictEqual } from 'node:util'
import { parseDocument } from 'yaml'
import {
  END_MARKER,
  OWNED_KEYS,
  START_MARKER,
  noteFile,
  yamlOf,
  type RenderedNote,
} from './markdown.ts'

const FRONT_MATTER = /^(\ufeff?)---\r?\n([\s\S]*?)(?:\r?\n)?^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m
const QUIRE_ID = /^quire-id:[ \t]*["']?([0-9a-f]{16})["']?[ \t]*$/m

/** Thrown when a note cannot be updated safely; says which file and why. */
export class NoteMergeError extends Error {
  constructor(file: string, reason: string) {
    super(`${file}: ${reason}`)
    this.name = 'NoteMergeError'
  }
}

/** The `quire-id` of a note's front matter, or null; cheap enough to run over a vault. */
export function quireIdOf(text: string): string | null {
  const fm = FRONT_MATTER.exec(text)
  if (!fm || fm.index !== 0) return null
  return QUIRE_ID.exec(fm[2]!)?.[1] ?? null
}

/**
 * The note `existing` with Quire's parts replaced by `note`'s. Throws NoteMergeError when
 * the front matter no longer parses (the user's edit broke it): updating would lose data.
 */
export function mergeNote(existing: string, note: RenderedNote, file: string): string {
  const eol = existing.includes('\r\n') ? '\r\n' : '\n'
  const fm = FRONT_MATTER.exec(existing)
  if (!fm || fm.index !== 0) {
    return toEol(noteFile(note), eol) + eol + existing
  }
  const [whole, bom, yamlText] = fm
  const rest = existing.slice(whole.length)
  const head = `${bom}---${eol}${toEol(mergedYaml(yamlText!, note, file), eol)}---${eol}`
  return head + mergedBody(rest, toEol(note.managed, eol), eol)
}

function mergedYaml(yamlText: string, note: RenderedNote, file: string): string {
  const ours = yamlOf(note.frontMatter)
  // The front matter as Quire last wrote it: nothing of the user's to keep, no parse needed.
  if (yamlText + '\n' === ours || yamlText === ours) return ours
  const doc = parseDocument(yamlText)
  if (doc.errors.length) {
    throw new NoteMergeError(file, `its front matter is not valid YAML (${doc.errors[0]!.message})`)
  }
  if (doc.contents !== null && !isMap(doc.toJS())) {
    throw new NoteMergeError(file, 'its front matter is not a list of keys')
  }
  const current = (doc.toJS() ?? {}) as Record<string, unknown>
  const unchanged = OWNED_KEYS.every((k) => isDeepStrictEqual(current[k], note.frontMatter[k]))
  if (unchanged) return yamlText.endsWith('\n') || !yamlText ? yamlText : `${yamlText}\n`
  if (doc.contents === null) return yamlOf(note.frontMatter)
  for (const key of OWNED_KEYS) {
    const value = note.frontMatter[key]
    if (value === undefined) doc.delete(key)
    else doc.set(key, value)
  }
  return doc.toString({ lineWidth: 0 })
}

/** Replace the first marked section; with no markers left, put ours back at the top. */
function mergedBody(rest: string, managed: string, eol: string): string {
  const start = rest.indexOf(START_MARKER)
  const end = start === -1 ? -1 : rest.indexOf(END_MARKER, start)
  if (start === -1 || end === -1) return `${eol}${managed}${eol}${rest}`
  return rest.slice(0, start) + managed + rest.slice(end + END_MARKER.length)
}

function isMap(v: unknown): boolean {
  return v === null || (typeof v === 'object' && !Array.isArray(v))
}

function toEol(s: string, eol: string): string {
  return eol === '\n' ? s : s.replace(/\r?\n/g, eol)
}
