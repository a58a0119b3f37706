// Omnivore's highlights/<slug>.md: each highlight is "> quote", then "#label #label", then a note.
import type { ImportedHighlight } from '../extracted.ts'

/**
 * Splits the Markdown Omnivore wrote for one article's highlights. A highlight starts at a
 * line beginning with '>' after a blank line (or at the top); its first paragraph is the
 * quote (continuation lines may or may not repeat '>'), a paragraph made only of #words is
 * its labels, and what follows is the note. A note that itself starts with '>' cannot be
 * told from the next highlight: Omnivore's format is ambiguous there.
 */
export function parseOmnivoreHighlights(markdown: string): ImportedHighlight[] {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n')
  const blocks: string[][] = []
  let prevBlank = true
  for (const line of lines) {
    if (prevBlank && line.startsWith('>')) blocks.push([])
    blocks[blocks.length - 1]?.push(line)
    prevBlank = line.trim() === ''
  }
  const out: ImportedHighlight[] = []
  for (const block of blocks) {
    const paragraphs = splitParagraphs(block)
    const quote = (paragraphs.shift() ?? [])
      .map((l) => l.replace(/^>\s?/, ''))
      .join('\n')
      .trim()
    if (!quote) continue
    let tags: string[] = []
    if (paragraphs[0] && /^(#[^\s#]+\s*)+$/.test(paragraphs[0].join(' ').trim())) {
      tags = paragraphs
        .shift()!
        .join(' ')
        .trim()
        .split(/\s+/)
        .map((t) => t.slice(1))
    }
    const note = paragraphs
      .map((p) => p.join('\n'))
      .join('\n\n')
      .trim()
    out.push({ quote, ...(note ? { note } : {}), ...(tags.length ? { tags } : {}) })
  }
  return out
}

function splitParagraphs(lines: string[]): string[][] {
  const out: string[][] = []
  let current: string[] = []
  for (const line of lines) {
    if (line.trim() === '') {
      if (current.length) out.push(current)
      current = []
    } else current.push(line)
  }
  if (current.length) out.push(current)
  return out
}
