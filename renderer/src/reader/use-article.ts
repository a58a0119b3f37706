// The open article with its body, fetched by id and fetched again when the archive changes.
import { useCallback, useEffect, useState } from 'react'
import type { ArticleWithBody, QuireClient } from '../../../shared/api.ts'
import type { Article } from '../../../shared/model.ts'
import { describeError } from '../api/describe-error.ts'

export interface OpenArticle {
  data?: ArticleWithBody | undefined
  status: 'idle' | 'loading' | 'ready' | 'error'
  error?: string | undefined
  /** Puts an updated record in place after a write, keeping the body. */
  replace(article: Article): void
}

/** The last answer, and for which id: a refetch of the same id keeps it on screen meanwhile. */
interface Fetched {
  id: string
  data?: ArticleWithBody | undefined
  error?: string | undefined
}

export function useArticle(
  client: QuireClient,
  id: string | undefined,
  revision: number,
): OpenArticle {
  const [fetched, setFetched] = useState<Fetched>()

  useEffect(() => {
    if (!id) return
    let live = true
    client.call('articles:get', { id }).then(
      (data) => {
        if (live) setFetched({ id, data })
      },
      (err: unknown) => {
        if (live) setFetched({ id, error: describeError('open this article', err) })
      },
    )
    return () => {
      live = false
    }
  }, [client, id, revision])

  const replace = useCallback((article: Article) => {
    setFetched((prev) =>
      prev?.data && prev.data.article.id === article.id
        ? { ...prev, data: { ...prev.data, article } }
        : prev,
    )
  }, [])

  if (!id) return { status: 'idle', replace }
  if (fetched?.id !== id) return { status: 'loading', replace }
  if (fetched.error) return { status: 'error', error: fetched.error, replace }
  return { status: 'ready', data: fetched.data, replace }
}
