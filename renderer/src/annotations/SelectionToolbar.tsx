// The small bar that floats over a selection in the article body: five colours (highlight),
// Note (highlight, then write a note) and Copy quote. Keys: h highlights yellow, n adds a note.
import { useCallback, useEffect, useState, type RefObject } from 'react'
import { HIGHLIGHT_COLORS, colorLabel, type HighlightColor } from './colors.ts'
import { rangeToOffsets } from './text-offsets.ts'

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
  onHighlight(start: number, end: number, color: HighlightColor, withNote: boolean): void
  onCopied(): void
}

const BAR_HEIGHT = 40

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement && target.matches('input, textarea, select, [contenteditable]')
  )
}

/** The selection's offsets in the body's normalised text, when it lies in the body. */
function readSelection(body: HTMLElement | null, text: string): Selected | null {
  const sel = window.getSelection()
  if (!body || !sel || sel.rangeCount === 0 || sel.isCollapsed) return null
  const range = sel.getRangeAt(0)
  if (!body.contains(range.commonAncestorContainer)) return null
  const offsets = rangeToOffsets(body, range, text)
  if (!offsets) return null
  const rect = range.getBoundingClientRect()
  return {
    start: offsets[0],
    end: offsets[1],
    quote: sel.toString().replace(/\s+/g, ' ').trim(),
    top: Math.max(8, rect.top - BAR_HEIGHT - 8),
    left: Math.min(Math.max(8, rect.left + rect.width / 2), window.innerWidth - 8),
  }
}

export function SelectionToolbar({ bodyRef, text, onHighlight, onCopied }: Props) {
  const [selected, setSelected] = useState<Selected | null>(null)

  useEffect(() => {
    const update = () => setSelected(readSelection(bodyRef.current, text))
    document.addEventListener('selectionchange', update)
    document.addEventListener('mouseup', update)
    return () => {
      document.removeEventListener('selectionchange', update)
      document.removeEventListener('mouseup', update)
    }
  }, [bodyRef, text])

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
