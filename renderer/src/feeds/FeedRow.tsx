// One subscription in the feeds dialog: title, site, when it was last checked, the last error,
// and its own Refresh and Unsubscribe.
import type { Feed } from '../../../shared/model.ts'
import { Icon } from '../ui/Icon.tsx'
import { checkedAgo, siteLabel } from './feed-text.ts'

interface Props {
  feed: Feed
  busy: boolean
  now: number
  onRefresh(): void
  onUnsubscribe(): void
}

export function FeedRow({ feed, busy, now, onRefresh, onUnsubscribe }: Props) {
  const site = siteLabel(feed.siteUrl ?? feed.url)
  return (
    <li className="feed-row" aria-busy={busy} data-testid="feed-row">
      <div className="feed-row-text">
        <p className="feed-row-title" title={feed.url}>
          {feed.title || feed.url}
        </p>
        <p className="feed-row-meta">
          <span>{site}</span>
          <span>Checked {checkedAgo(feed.lastCheckedAt, now)}</span>
          {feed.tags.length > 0 && <span>Tags: {feed.tags.join(', ')}</span>}
        </p>
        {feed.lastError && (
          <p className="feed-row-error" data-testid="feed-error">
            <Icon name="alert" size={14} />
            <span>{feed.lastError}</span>
          </p>
        )}
      </div>
      <div className="feed-row-actions">
        <button
          type="button"
          className="icon-button"
          aria-label={`Refresh ${feed.title || feed.url}`}
          title="Refresh this feed"
          disabled={busy}
          onClick={onRefresh}
        >
          <span className={busy ? 'feeds-spin' : undefined}>
            <Icon name="refresh" size={16} />
          </span>
        </button>
        <button
          type="button"
          className="icon-button icon-button-danger"
          aria-label={`Unsubscribe from ${feed.title || feed.url}`}
          title="Unsubscribe"
          disabled={busy}
          onClick={onUnsubscribe}
        >
          <Icon name="trash" size={16} />
        </button>
      </div>
    </li>
  )
}
