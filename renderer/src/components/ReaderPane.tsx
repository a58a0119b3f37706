// The right column: the open article with its toolbar, or a hint on how to open one.
import { useEffect, useMemo, useRef, type RefObject } from 'react'
import type { ArticleActions } from '../library/use-article-actions.ts'
import { toSummary } from '../library/in-view.ts'
import type { OpenArticle } from '../reader/use-article.ts'
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
  const shownId = useRef<string | undefined>(undefined)

  // A newly opened article starts at its top.
  useEffect(() => {
    if (article && article.id !== shownId.current) scrollRef.current?.scrollTo({ top: 0 })
    shownId.current = article?.id
  }, [article, scrollRef])

  return (
    <section className="reader" aria-label="Reader">
      <ReaderToolbar article={summary} actions={actions} onBack={onBack} />
      <div className="reader-scroll" ref={scrollRef} tabIndex={-1}>
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
            <ArticleView data={open.data} tagColors={tagColors} />
          </>
        )}
      </div>
    </section>
  )
}
