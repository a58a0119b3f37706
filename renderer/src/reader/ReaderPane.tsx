// The right column: the open article with its toolbar, reading settings and progress bar, or a
// hint on how to open one.
import { useCallback, useMemo, useRef, useState, type RefObject } from 'react'
import { htmlToText } from '../../../shared/html-text.ts'
import {
  AnnotationSidebar,
  type HighlightColor,
  SelectionToolbar,
  useAnnotations,
  useHighlights,
  pointAtAnnotation,
  usePassageFocus,
  jumpToAnnotation,
  useFocusRequest,
  type FocusRequest,
  useReaderKeys,
} from '../annotations/index.ts'
import '../annotations/annotations.css'
import { useClient } from '../api/client-context.ts'
import { type ArticleActions, toSummary } from '../library/index.ts'
import { ReadingProgressBar } from './ReadingProgressBar.tsx'
import { ResumeNote } from './ResumeNote.tsx'
import type { OpenArticle } from './use-article.ts'
import { useReadingProgress } from './use-reading-progress.ts'
import { ReadingSettingsMenu } from './reading-settings/ReadingSettingsMenu.tsx'
import { settingsStyle } from './reading-settings/settings.ts'
import { useReadingSettings } from './reading-settings/use-reading-settings.ts'
import type { Toasts } from '../ui/use-toasts.ts'
import { ArticleView } from './ArticleView.tsx'
import { EmptyState } from '../ui/EmptyState.tsx'
import { Icon } from '../ui/Icon.tsx'
import { ReaderToolbar } from './ReaderToolbar.tsx'
import { isLinkRecord, LinkRecordView } from '../import/index.ts'
import { useArticleVersion } from './versions/use-article-version.ts'
import { VersionBanner } from './versions/VersionBanner.tsx'
import { VersionsMenu } from './versions/VersionsMenu.tsx'

interface Props {
  open: OpenArticle
  actions: ArticleActions
  tagColors: ReadonlyMap<string, string>
  scrollRef: RefObject<HTMLDivElement | null>
  onBack(): void
  toasts: Toasts
  /** After an annotation write: the archive changed, read it again. */
  onChanged(): void
  /** An annotation to scroll to and flash once its article is open (from the notebook). */
  focusRequest?: FocusRequest | undefined
  onNotebook?(): void
}

const NO_ANNOTATIONS: never[] = []

/** True while the highlights panel is laid over the article's text rather than beside it. */
function coversArticle(stage: HTMLElement | null): boolean {
  const panel = stage?.querySelector('.annotations')
  const text = stage?.querySelector('.reader-scroll')
  if (!panel || !text) return false
  return panel.getBoundingClientRect().left <= text.getBoundingClientRect().left + 1
}

export function ReaderPane({
  open,
  actions,
  tagColors,
  scrollRef,
  onBack,
  toasts,
  onChanged,
  focusRequest,
  onNotebook,
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
  const [noteEditing, setNoteEditing] = useState(false)
  const annotations = open.data?.article.annotations ?? NO_ANNOTATIONS
  // An earlier version (read only) when one is picked from the Versions menu.
  const version = useArticleVersion(client, article?.id, open.data?.anchors)
  const shown = version.data ?? open.data
  const anchors = shown?.anchors ?? NO_ANNOTATIONS
  const body = shown?.body
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
  const stageRef = useRef<HTMLDivElement>(null)
  const jump = useCallback(
    (id: string) => {
      // Laid over the article (a narrow reader), the panel makes way for the passage.
      if (coversArticle(stageRef.current)) setNotesOpen(false)
      if (bodyRef.current) jumpToAnnotation(bodyRef.current, anchors, text, id)
    },
    [anchors, text],
  )
  useFocusRequest(focusRequest, article?.id, bodyRef, anchors, text)
  const pointed = useCallback((id: string) => {
    setNotesOpen(true)
    // The sidebar may have just opened: point once it is on the page.
    requestAnimationFrame(() => requestAnimationFrame(() => pointAtAnnotation(id)))
  }, [])
  usePassageFocus(bodyRef, anchors, text, pointed)
  const openArticleNote = useCallback(() => {
    setNotesOpen(true)
    setNoteEditing((v) => !v)
  }, [])
  useReaderKeys(open.status === 'ready', {
    toggleSidebar: () => setNotesOpen((v) => !v),
    articleNote: openArticleNote,
  })

  return (
    <section className="reader" aria-label="Reader" data-reader-theme={settings.theme}>
      <ReaderToolbar
        article={summary}
        actions={actions}
        onBack={onBack}
        extra={
          article?.versions?.length ? (
            <VersionsMenu
              versions={article.versions}
              shown={version.n}
              currentWords={article.wordCount}
              onShow={version.show}
              onCurrent={version.back}
            />
          ) : null
        }
        trailing={
          open.status === 'idle' ? null : (
            <>
              {open.status === 'ready' && (
                <button
                  type="button"
                  className="annotations-toggle article-note-toggle"
                  aria-pressed={notesOpen && noteEditing}
                  aria-label="Article note"
                  title="Article note (Shift+N)"
                  onClick={openArticleNote}
                >
                  <Icon name="file" size={16} />
                  {article?.note.trim() && <span className="annotations-count">•</span>}
                </button>
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
              <ReadingSettingsMenu settings={settings} onChange={reading.update} />
            </>
          )
        }
      />
      <div className="reader-stage" ref={stageRef}>
        {article && <ReadingProgressBar progress={progress} />}
        {article && open.status === 'ready' && version.status === 'current' && (
          <ResumeNote article={article} scrollRef={scrollRef} />
        )}
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
              {version.status !== 'current' && (
                <VersionBanner
                  replacedAt={article?.versions?.find((v) => v.n === version.n)?.replacedAt}
                  status={version.status}
                  error={version.error}
                  onBack={version.back}
                />
              )}
              {version.status === 'current' && isLinkRecord(open.data.article) ? (
                <LinkRecordView article={open.data.article} onFetched={onChanged} />
              ) : (
                <ArticleView
                  data={shown ?? open.data}
                  tagColors={tagColors}
                  style={articleStyle}
                  bodyRef={bodyRef}
                />
              )}
              {/* An earlier version is read only: no new highlights on it. */}
              {version.status === 'current' && (
                <SelectionToolbar
                  bodyRef={bodyRef}
                  text={text}
                  language={open.data.article.language}
                  onHighlight={highlight}
                  onCopied={() => toasts.show({ message: 'Quote copied' })}
                />
              )}
            </>
          )}
        </div>
        {notesOpen && open.status === 'ready' && (
          <AnnotationSidebar
            articleId={open.data?.article.id ?? ''}
            note={open.data?.article.note ?? ''}
            noteEditing={noteEditing}
            onNoteEditing={setNoteEditing}
            toasts={toasts}
            onChanged={onChanged}
            onNotebook={onNotebook}
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
