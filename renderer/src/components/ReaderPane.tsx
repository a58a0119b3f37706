// The right column: the open article with its toolbar, reading settings and progress bar, or a
// hint on how to open one.
import { useCallback, useMemo, useRef, useState, type RefObject } from 'react'
import { htmlToText } from '../../../shared/html-text.ts'
import { AnnotationSidebar } from '../annotations/AnnotationSidebar.tsx'
import type { HighlightColor } from '../annotations/colors.ts'
import { SelectionToolbar } from '../annotations/SelectionToolbar.tsx'
import { useAnnotations } from '../annotations/use-annotations.ts'
import { anchorRanges, useHighlights } from '../annotations/use-highlights.ts'
import '../annotations/annotations.css'
import { useClient } from '../api/client-context.ts'
import type { ArticleActions } from '../library/use-article-actions.ts'
import { toSummary } from '../library/in-view.ts'
import { ReadingProgressBar } from '../reader/ReadingProgressBar.tsx'
import type { OpenArticle } from '../reader/use-article.ts'
import { useReadingProgress } from '../reader/use-reading-progress.ts'
import { ReadingSettingsMenu } from '../reading-settings/ReadingSettingsMenu.tsx'
import { settingsStyle } from '../reading-settings/settings.ts'
import { useReadingSettings } from '../reading-settings/use-reading-settings.ts'
import type { Toasts } from '../ui/use-toasts.ts'
import { ArticleView } from './ArticleView.tsx'
import { EmptyState } from './EmptyState.tsx'
import { Icon } from './Icon.tsx'
import { ReaderToolbar } from './ReaderToolbar.tsx'

interface Props {
  open: OpenArticle
  actions: ArticleActions
  tagColors: ReadonlyMap<string, string>
  scrollRef: RefObject<HTMLDivElement | null>
  onBack(): void
  toasts: Toasts
  /** After an annotation write: the archive changed, read it again. */
  onChanged(): void
}

const NO_ANNOTATIONS: never[] = []

export function ReaderPane({
  open,
  actions,
  tagColors,
  scrollRef,
  onBack,
  toasts,
  onChanged,
}: Props) {
  const article = open.data?.article
  const summary = useMemo(() => (article ? toSummary(article) : undefined), [article])
  const client = useClient()
  const reading = useReadingSettings()
  const { settings } = reading
  const articleStyle = useMemo(() => settingsStyle(settings), [settings])
  // A newly opened article goes back to where it was left (or its top).
  const progress = useReadingProgress({
    client,
    article,
    scrollRef,
    markReadAtEnd: settings.markReadAtEnd,
    onSaved: open.replace,
  })

  const bodyRef = useRef<HTMLDivElement>(null)
  const [notesOpen, setNotesOpen] = useState(false)
  const [editing, setEditing] = useState<string | null>(null)
  const annotations = open.data?.article.annotations ?? NO_ANNOTATIONS
  const anchors = open.data?.anchors ?? NO_ANNOTATIONS
  const body = open.data?.body
  const text = useMemo(() => (body === undefined ? '' : htmlToText(body)), [body])
  useHighlights(bodyRef, annotations, anchors, text)
  const notes = useAnnotations(client, article?.id, toasts, onChanged)
  const highlight = useCallback(
    (start: number, end: number, color: HighlightColor, withNote: boolean) => {
      void notes.create(start, end, color).then((made) => {
        if (!made || !withNote) return
        setNotesOpen(true)
        setEditing(made.id)
      })
    },
    [notes],
  )
  const jump = useCallback(
    (id: string) => {
      const root = bodyRef.current
      const range = root ? anchorRanges(root, anchors, text).get(id) : undefined
      range?.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'smooth' })
    },
    [anchors, text],
  )

  return (
    <section className="reader" aria-label="Reader" data-reader-theme={settings.theme}>
      <ReaderToolbar article={summary} actions={actions} onBack={onBack} />
      {/* At the toolbar's right end, but ours: it stays put while the article scrolls. */}
      {open.status !== 'idle' && (
        <ReadingSettingsMenu settings={settings} onChange={reading.update} />
      )}
      {open.status === 'ready' && (
        <button
          type="button"
          className="annotations-toggle"
          aria-pressed={notesOpen}
          aria-label="Highlights and notes"
          title="Highlights and notes"
          onClick={() => setNotesOpen((v) => !v)}
        >
          <Icon name="notes" size={16} />
          {annotations.length > 0 && (
            <span className="annotations-count">{annotations.length}</span>
          )}
        </button>
      )}
      <div className="reader-stage">
        {article && <ReadingProgressBar progress={progress} />}
        <div className="reader-scroll" ref={scrollRef} tabIndex={0}>
          {open.status === 'idle' && (
            <EmptyState
              icon="book"
              title="Nothing open"
              hint="Pick an article from the list, or move with J and K and press Enter to read."
            />
          )}
          {open.status === 'loading' && (
            <div className="reader-loading" aria-busy="true" aria-label="Opening the article">
              <div className="skeleton skeleton-kicker" />
              <div className="skeleton skeleton-title" />
              <div className="skeleton skeleton-title short" />
              <div className="skeleton skeleton-line" />
              <div className="skeleton skeleton-line" />
              <div className="skeleton skeleton-line short" />
            </div>
          )}
          {open.status === 'error' && (
            <EmptyState
              icon="alert"
              tone="error"
              title="This article could not be opened"
              hint={open.error ?? 'Something went wrong.'}
            />
          )}
          {open.status === 'ready' && open.data && (
            <>
              {open.data.article.deletedAt !== null && (
                <p className="reader-banner" role="note">
                  This article is in the Trash. Restore it to keep it in your library.
                </p>
              )}
              <ArticleView
                data={open.data}
                tagColors={tagColors}
                style={articleStyle}
                bodyRef={bodyRef}
              />
              <SelectionToolbar
                bodyRef={bodyRef}
                text={text}
                onHighlight={highlight}
                onCopied={() => toasts.show({ message: 'Quote copied' })}
              />
            </>
          )}
        </div>
        {notesOpen && open.status === 'ready' && (
          <AnnotationSidebar
            annotations={annotations}
            anchors={anchors}
            actions={notes}
            editing={editing}
            onEdit={setEditing}
            onJump={jump}
          />
        )}
      </div>
    </section>
  )
}
