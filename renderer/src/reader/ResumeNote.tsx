// "Continuing where you left off": when an article opens at the place the person left it, a
// small note says so and offers the top instead. It goes as soon as they scroll, type or click
// on their own (the position restored on opening does not count).
import { useEffect, useState, type RefObject } from 'react'
import type { Article } from '../../../shared/model.ts'
import { FINISHED_AT, STARTED_AT } from './progress.ts'
import './resume-note.css'

interface Props {
  article: Article
  scrollRef: RefObject<HTMLDivElement | null>
}

/** True when opening `progress` puts the reader back part-way through, not at the top. */
export function isResumable(progress: number): boolean {
  return progress > STARTED_AT && progress < FINISHED_AT
}

export function ResumeNote({ article, scrollRef }: Props) {
  // Decided once per article, from the position it was opened at (later saves change it).
  const [openedId, setOpenedId] = useState<string>()
  const [note, setNote] = useState<number | null>(null)
  if (openedId !== article.id) {
    setOpenedId(article.id)
    setNote(isResumable(article.progress) ? article.progress : null)
  }

  useEffect(() => {
    const scroller = scrollRef.current
    if (note === null || !scroller) return
    const hide = () => setNote(null)
    const events = ['wheel', 'touchmove', 'keydown', 'pointerdown'] as const
    for (const e of events) scroller.addEventListener(e, hide, { passive: true })
    return () => {
      for (const e of events) scroller.removeEventListener(e, hide)
    }
  }, [note, scrollRef])

  if (note === null) return null
  return (
    <div className="resume-note" role="status" data-testid="resume-note">
      <span>Continuing where you left off ({Math.round(note * 100)}%)</span>
      <button
        type="button"
        className="resume-note-top"
        onClick={() => {
          scrollRef.current?.scrollTo({ top: 0 })
          setNote(null)
        }}
      >
        Start from the top
      </button>
    </div>
  )
}
