// The right column: the open article with its toolbar, reading settings and progress bar, or a
// hint on how to open one.
import { useMemo, type RefObject } from 'react'
import { useClient } from '../api/client-context.ts'
import type { ArticleActions } from '../library/use-article-actions.ts'
import { toSummary } from '../library/in-view.ts'
import { ReadingProgressBar } from '../reader/ReadingProgressBar.tsx'
import type { OpenArticle } from '../reader/use-article.ts'
import { useReadingProgress } from '../reader/use-reading-progress.ts'
import { ReadingSettingsMenu } from '../reading-settings/ReadingSettingsMenu.tsx'
import { settingsStyle } from '../reading-settings/settings.ts'
import { useReadingSettings } from '../reading-settings/use-reading-settings.ts'
import { ArticleView } from './ArticleView.tsx'
import { EmptyState } from './EmptyState.tsx'
import { ReaderToolbar } from './ReaderToolbar.tsx'

interface Props {
  open: OpenArticle
  actions: ArticleActions
  tagColors: ReadonlyMap<string, string>
  scrollRef: RefObject<HTMLDivElement | null>
  onBack(): void
}

export function ReaderPane({ open, actions, tagColors, scrollRef, onBack }: Props) {
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

  return (
    <section className="reader" aria-label="Reader" data-reader-theme={settings.theme}>
      <ReaderToolbar article={summary} actions={actions} onBack={onBack} />
      {/* At the toolbar's right end, but ours: it stays put while the article scrolls. */}
      {open.status !== 'idle' && (
        <ReadingSettingsMenu settings={settings} onChange={reading.update} />
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
              <ArticleView data={open.data} tagColors={tagColors} style={articleStyle} />
            </>
          )}
        </div>
      </div>
    </section>
  )
}
