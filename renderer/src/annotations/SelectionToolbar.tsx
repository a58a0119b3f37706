// The small bar that floats over a selection in the article body: five colours (highlight),
// Note (highlight, then write a note) and Copy quote. Keys: h highlights yellow, n adds a note.
// A selection is widened to whole words (shared/anchoring/snap-to-words.ts): what is
// highlighted, copied and stored never ends inside a word.
import { useCallback, useEffect, useState, type RefObject } from 'react'
import { snapToWords } from '../../../shared/anchoring/index.ts'
import { HIGHLIGHT_COLORS, colorLabel, type HighlightColor } from './colors.ts'
import { offsetsToRange, rangeToOffsets } from './text-offsets.ts'

interface Selected {
  start: number
  end: number
  quote: string
  top: number
  left: number
}

interface Props {
  bodyRef: RefObject<HTMLElement | null>
  /** The body's htmlToText: the text the offsets count in. */
  text: string
  /** The article's language (BCP 47), for word boundaries. */
  language?: string | undefined
  onHighlight(start: number, end: number, color: HighlightColor, withNote: boolean): void
  onCopied(): void
}

const BAR_HEIGHT = 40

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement && target.matches('input, textarea, select, [contenteditable]')
  )
}

/**
 * The selection's offsets in the body's normalised text, widened to whole words, when it lies
 * in the body. `show` also widens the selection on screen (after a drag ends), so the person
 * sees what will be highlighted.
 */
function readSelection(
  body: HTMLElement | null,
  text: string,
  language: string | undefined,
  show: boolean,
): Selected | null {
  const sel = window.getSelection()
  if (!body || !sel || sel.rangeCount === 0 || sel.isCollapsed) return null
  let range = sel.getRangeAt(0)
  if (!body.contains(range.commonAncestorContainer)) return null
  const offsets = rangeToOffsets(body, range, text)
  if (!offsets) return null
  const { start, end } = snapToWords(text, offsets[0], offsets[1], language)
  if (show && (start !== offsets[0] || end !== offsets[1])) {
    const wide = offsetsToRange(body, start, end, text)
    if (wide) {
      sel.removeAllRanges()
      sel.addRange(wide)
      range = wide
    }
  }
  const rect = range.getBoundingClientRect()
  return {
    start,
    end,
    quote: text.slice(start, end).replace(/\s+/g, ' ').trim(),
    top: Math.max(8, rect.top - BAR_HEIGHT - 8),
    left: Math.min(Math.max(8, rect.left + rect.width / 2), window.innerWidth - 8),
  }
}

export function SelectionToolbar({ bodyRef, text, language, onHighlight, onCopied }: Props) {
  const [selected, setSelected] = useState<Selected | null>(null)

  useEffect(() => {
    // While a drag or Shift+arrows go on, the selection is left as the person makes it; a
    // finished drag (mouseup) shows it widened to whole words.
    const update = () => setSelected(readSelection(bodyRef.current, text, language, false))
    const settle = () => setSelected(readSelection(bodyRef.current, text, language, true))
    document.addEventListener('selectionchange', update)
    document.addEventListener('mouseup', settle)
    return () => {
      document.removeEventListener('selectionchange', update)
      document.removeEventListener('mouseup', settle)
    }
  }, [bodyRef, text, language])

  const act = useCallback(
    (color: HighlightColor, withNote: boolean) => {
      if (!selected) return
      onHighlight(selected.start, selected.end, color, withNote)
      window.getSelection()?.removeAllRanges()
      setSelected(null)
    },
    [selected, onHighlight],
  )

  // Capture phase, so the window's single-key shortcuts never see h or n used here.
  useEffect(() => {
    if (!selected) return
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return
      if (e.key !== 'h' && e.key !== 'n') return
      e.preventDefault()
      e.stopPropagation()
      act('yellow', e.key === 'n')
    }
    window.addEventListener('keydown', onKeyDown, true)
    return () => window.removeEventListener('keydown', onKeyDown, true)
  }, [selected, act])

  if (!selected) return null
  const copy = () => {
    void navigator.clipboard.writeText(selected.quote).then(onCopied, () => undefined)
  }
  return (
    <div
      className="selection-toolbar"
      role="toolbar"
      aria-label="Highlight the selection"
      style={{ top: selected.top, left: selected.left }}
      // Keeps the selection while a button is pressed.
      onMouseDown={(e) => e.preventDefault()}
    >
      {HIGHLIGHT_COLORS.map((color) => (
        <button
          key={color}
          type="button"
          className={`swatch swatch-${color}`}
          aria-label={`Highlight ${colorLabel(color)}`}
          title={color === 'yellow' ? 'Highlight (H)' : `Highlight ${color}`}
          onClick={() => act(color, false)}
        />
      ))}
      <button
        type="button"
        className="selection-action"
        title="Note (N)"
        onClick={() => act('yellow', true)}
      >
        Note
      </button>
      <button type="button" className="selection-action" onClick={copy}>
        Copy quote
      </button>
    </div>
  )
}
