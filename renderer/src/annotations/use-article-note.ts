// The article note's edits: saved a moment after typing stops (and on demand), with its state
// for the panel (saved, unsaved, saving, failed) and an Undo when a save clears the note.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { QuireClient } from '../../../shared/api.ts'
import { describeError } from '../api/describe-error.ts'
import { onFlushBeforeClose } from '../api/flush-before-close.ts'
import type { Toasts } from '../ui/use-toasts.ts'

export type NoteSaveState = 'saved' | 'dirty' | 'saving' | 'error'

export interface ArticleNoteEdit {
  text: string
  state: NoteSaveState
  error: string | undefined
  setText(text: string): void
  /** Saves now unless nothing changed; resolves when the write is done (or failed). */
  save(): Promise<void>
}

export const AUTOSAVE_MS = 800

export function useArticleNote(
  client: QuireClient,
  articleId: string,
  saved: string,
  toasts: Toasts,
  onChanged: () => void,
): ArticleNoteEdit {
  const [text, setTextState] = useState(saved)
  const [state, setState] = useState<NoteSaveState>('saved')
  const [error, setError] = useState<string>()
  const current = useRef({ text: saved, lastSaved: saved, state: 'saved' as NoteSaveState })

  // The archive's copy wins while nothing is waiting to be saved (another window, an undo).
  useEffect(() => {
    const c = current.current
    if (c.state === 'saved' && saved !== c.text) {
      c.text = saved
      setTextState(saved)
    }
    c.lastSaved = c.state === 'saved' ? saved : c.lastSaved
  }, [saved])

  // The latest write, for the Undo toast and the save on leaving, which outlive a render.
  const writeRef = useRef<(note: string) => Promise<void>>(async () => {})
  const write = useCallback(
    async (note: string) => {
      const before = current.current.lastSaved
      current.current.state = 'saving'
      setState('saving')
      try {
        await client.call('articles:setNote', { id: articleId, note })
        current.current.lastSaved = note
        const next = current.current.text === note ? 'saved' : 'dirty'
        current.current.state = next
        setState(next)
        setError(undefined)
        onChanged()
        if (note.trim() === '' && before.trim() !== '') {
          void toasts.undoable(async () => ({
            message: 'Article note cleared',
            failure: 'put the note back',
            undo: async () => {
              current.current.text = before
              setTextState(before)
              await writeRef.current(before)
            },
          }))
        }
      } catch (err) {
        current.current.state = 'error'
        setState('error')
        setError(describeError('save the article note', err))
      }
    },
    [client, articleId, onChanged, toasts],
  )

  const setText = useCallback((next: string) => {
    current.current.text = next
    current.current.state = 'dirty'
    setTextState(next)
    setState('dirty')
  }, [])

  const save = useCallback(async () => {
    if (current.current.state !== 'saved') await write(current.current.text)
  }, [write])

  useEffect(() => {
    if (state !== 'dirty') return
    const timer = window.setTimeout(() => void write(current.current.text), AUTOSAVE_MS)
    return () => window.clearTimeout(timer)
  }, [text, state, write])

  // Leaving the article (or closing the panel) with unsaved text saves it.
  useEffect(() => {
    writeRef.current = write
  }, [write])
  // The window closing (or the app quitting) saves unsaved text first.
  useEffect(() => onFlushBeforeClose(save), [save])
  useEffect(
    () => () => {
      const c = current.current
      if (c.state === 'dirty' || c.state === 'error') void writeRef.current(c.text)
    },
    [],
  )

  return { text, state, error, setText, save }
}
