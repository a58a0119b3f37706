// Which body the reader shows: the current one, or an earlier version (kept when the article
// was fetched again) read through 'articles:getVersion'. Opening another article goes back to
// its current body.
import { useCallback, useEffect, useState } from 'react'
import type { ArticleWithBody, QuireClient } from '../../../../shared/api.ts'
import { describeError } from '../../api/describe-error.ts'

export interface VersionView {
  /** The version shown, or undefined for the current body. */
  n: number | undefined
  status: 'current' | 'loading' | 'ready' | 'error'
  data?: ArticleWithBody | undefined
  error?: string | undefined
  show(n: number): void
  back(): void
}

interface Chosen {
  articleId: string
  n: number
  data?: ArticleWithBody
  error?: string
}

export function useArticleVersion(
  client: QuireClient,
  articleId: string | undefined,
  /** The current body's anchors: new when the article was read again (an annotation changed),
   * not when only its reading progress was saved; the version is read again with them. */
  revision: unknown,
): VersionView {
  const [chosen, setChosen] = useState<Chosen>()
  const wanted = chosen && chosen.articleId === articleId ? chosen : undefined
  const wantedN = wanted?.n

  useEffect(() => {
    if (!articleId || wantedN === undefined) return
    let live = true
    client.call('articles:getVersion', { id: articleId, n: wantedN }).then(
      (data) => {
        if (live) setChosen({ articleId, n: wantedN, data })
      },
      (err: unknown) => {
        if (live)
          setChosen({ articleId, n: wantedN, error: describeError('open this version', err) })
      },
    )
    return () => {
      live = false
    }
    // The revision reads it again after an annotation changed (its anchors move with it).
  }, [client, articleId, wantedN, revision])

  const show = useCallback(
    (n: number) => {
      if (articleId) setChosen({ articleId, n })
    },
    [articleId],
  )
  const back = useCallback(() => setChosen(undefined), [])

  if (!wanted) return { n: undefined, status: 'current', show, back }
  if (wanted.error) return { n: wanted.n, status: 'error', error: wanted.error, show, back }
  if (!wanted.data) return { n: wanted.n, status: 'loading', show, back }
  return { n: wanted.n, status: 'ready', data: wanted.data, show, back }
}
