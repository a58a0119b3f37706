// The reader's view of a saved link (a Pocket or Instapaper item never fetched): only the
// address is known, so instead of an empty body it offers to fetch the text now or to open
// the page in the browser.
import { useState } from 'react'
import type { Article } from '../../../shared/model.ts'
import { useClient } from '../api/client-context.ts'
import { describeError } from '../api/describe-error.ts'
import { formatLongDate } from '../ui/format/dates.ts'
import { asWebUrl } from './url-list.ts'
import { Icon } from '../ui/Icon.tsx'
import './web-import.css'
import { Button } from '../ui/Button.tsx'

interface Props {
  article: Article
  /** After a fetch: the archive changed, read the article again. */
  onFetched(): void
}

/** True for a record whose body was never fetched. */
export function isLinkRecord(article: Article | undefined): boolean {
  return article?.origin.format === 'link'
}

/** "pocket-csv" -> "Pocket": the app's name, not the importer's id. */
function serviceName(id: string): string {
  const name = id.split('-')[0] ?? id
  return name.charAt(0).toUpperCase() + name.slice(1)
}

export function LinkRecordView({ article, onFetched }: Props) {
  const client = useClient()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const address = asWebUrl(article.url ?? '')

  const fetchNow = () => {
    setBusy(true)
    setError(undefined)
    client.call('articles:fetch', { ids: [article.id] }).then(
      (report) => {
        setBusy(false)
        const result = report.results[0]
        if (result?.status === 'failed') {
          setError(`Couldn't fetch the text: ${result.error.message.replace(/[.\s]+$/, '')}.`)
        } else if (result?.status === 'skipped') {
          setError(`Couldn't fetch the text: ${result.reason}.`)
        } else {
          onFetched()
        }
      },
      (err: unknown) => {
        setBusy(false)
        setError(describeError('fetch the text', err))
      },
    )
  }

  return (
    <article className="link-record" aria-labelledby="reader-title" data-testid="link-record">
      <p className="link-record-head">
        <Icon name="link" size={14} />
        Only the link is saved
      </p>
      <h1 id="reader-title" className="link-record-title">
        {article.title}
      </h1>
      {article.url && <code className="link-record-url">{article.url}</code>}
      <p className="link-record-text">
        {article.origin.service
          ? `Saved from ${serviceName(article.origin.service)} on ${formatLongDate(article.importedAt)}. `
          : `Saved on ${formatLongDate(article.importedAt)}. `}
        Fetch the page to read it here, offline, and to highlight it.
      </p>
      <div className="link-record-actions">
        <Button variant="primary" disabled={busy || !address} aria-busy={busy} onClick={fetchNow}>
          {busy ? 'Fetching…' : 'Fetch the text now'}
        </Button>
        {address && (
          // The external-link path: Electron's window-open handler hands http(s) links to the
          // system browser and denies the window; the browser shell opens a tab.
          <a className="button button-quiet" href={address} target="_blank" rel="noreferrer">
            <Icon name="external" size={15} />
            Open in browser
          </a>
        )}
      </div>
      {!address && (
        <p className="link-record-error" role="alert">
          This record has no web address to fetch.
        </p>
      )}
      {error && (
        <p className="link-record-error" role="alert" data-testid="link-record-error">
          {error}
        </p>
      )}
    </article>
  )
}
