// The user-editable Markdown template: patterns for the title, the file name and each
// highlight, filled by a tiny `{{name}}` substitution (no code, no expressions, no eval).
import * as z from 'zod'

export const MarkdownTemplateSchema = z
  .object({
    /** The heading of the note; placeholders: title, date, source, authors, id. */
    title: z.string().max(500),
    /** The file name without `.md`, sanitised after filling; same placeholders as title. */
    fileName: z.string().max(500),
    /**
     * One highlight; placeholders: quote, note, color, tags, link, id, blockId, date, and
     * location (a book's page or Kindle location; empty for an article's highlight).
     */
    highlight: z.string().max(5000),
  })
  .strict()
export type MarkdownTemplate = z.infer<typeof MarkdownTemplateSchema>

export const DEFAULT_TEMPLATE: MarkdownTemplate = {
  title: '{{title}}',
  fileName: '{{title}}',
  // Compact, as Obsidian and Readwise users keep highlights: the quote (its block id on its
  // last line, so [[note#^q-…]] links to it), then the note, then the tags.
  highlight: ['> {{quote}} {{blockId}}', '', '— {{location}}', '', '{{note}}', '', '{{tags}}'].join(
    '\n',
  ),
}

const PLACEHOLDER = /\{\{\s*([a-zA-Z]+)\s*\}\}/g

/**
 * Fill `{{name}}` placeholders. Unknown names stay as written (so a typo shows in the
 * preview). A line whose placeholders all came out empty is dropped, which is how an
 * absent note or tag list leaves no dangling "Note:" line. A multi-line value continues
 * on the next lines with the line's own lead (`> ` for a quote, spaces for a list item).
 */
export function fillTemplate(template: string, values: Record<string, string>): string {
  const out: string[] = []
  // A blank line of the template after another blank (left by a dropped line) is dropped too.
  let blank = true
  for (const line of template.split('\n')) {
    if (line.trim() === '') {
      if (!blank) out.push('')
      blank = true
      continue
    }
    let used = 0
    let filled = 0
    const lead = /^[\s>]*(?:[-*+] |\d+\. )?/.exec(line)![0]
    const continuation = lead.replace(/[-*+] |\d+\. /, (m) => ' '.repeat(m.length))
    const text = line.replace(PLACEHOLDER, (whole, name: string) => {
      if (!Object.hasOwn(values, name)) return whole
      used++
      const value = values[name]!
      if (value !== '') filled++
      return value.replace(/\r\n?|\n/g, `\n${continuation}`)
    })
    if (used > 0 && filled === 0) continue
    out.push(text.replace(/[ \t]+$/gm, ''))
    blank = false
  }
  return out.join('\n')
}
