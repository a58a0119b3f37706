// The Feeds screen: subscribe by address, the list of subscriptions with refresh and
// unsubscribe, and OPML import and export. A modal dialog; Esc or Done closes it.
import { useEffect, useRef, useState, type FormEvent } from 'react'
import type { Feed } from '../../../shared/model.ts'
import { useClient } from '../api/client-context.ts'
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx'
import { Button } from '../ui/Button.tsx'
import { Dialog, DialogHeader, DialogTitle } from '../ui/Dialog.tsx'
import { parseTags, asWebUrl } from '../import/index.ts'
import { Icon } from '../ui/Icon.tsx'
import { FeedRow } from './FeedRow.tsx'
import { useFeeds } from './use-feeds.ts'
import './feeds.css'

interface Props {
  onChanged(): void
  onClose(): void
}

export function FeedsDialog({ onChanged, onClose }: Props) {
  const client = useClient()
  const model = useFeeds(client, onChanged)
  const address = useRef<HTMLInputElement>(null)
  const opmlInput = useRef<HTMLInputElement>(null)
  const [url, setUrl] = useState('')
  const [tags, setTags] = useState('')
  const [invalid, setInvalid] = useState<string>()
  const [leaving, setLeaving] = useState<Feed>()
  const [now, setNow] = useState(() => Date.now())

  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 30_000)
    return () => window.clearInterval(timer)
  }, [])

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const valid = asWebUrl(url.trim())
    if (!valid) {
      model.clearNote()
      setInvalid('Type the feed’s address, starting with http:// or https://.')
      address.current?.focus()
      return
    }
    setInvalid(undefined)
    void model.subscribe(valid, parseTags(tags)).then((ok) => {
      if (!ok) return
      setUrl('')
      setTags('')
    })
  }

  const subscribing = model.busy.has('subscribe')
  const all = model.busy.has('all')
  const count = model.feeds?.length ?? 0

  return (
    <Dialog className="feeds-dialog" initialFocus={address} onClose={onClose}>
      <DialogHeader className="feeds-header" closeLabel="Close feeds">
        <DialogTitle>Feeds</DialogTitle>
      </DialogHeader>

      <form className="feeds-subscribe" onSubmit={submit} noValidate aria-label="Subscribe">
        <label className="field feeds-field-url">
          <span className="field-label">Feed address (RSS, Atom or JSON Feed)</span>
          <input
            ref={address}
            className="text-input"
            type="url"
            value={url}
            placeholder="https://example.com/feed.xml"
            aria-invalid={invalid ? true : undefined}
            spellCheck={false}
            onChange={(e) => {
              setUrl(e.currentTarget.value)
              setInvalid(undefined)
            }}
          />
        </label>
        <label className="field feeds-field-tags">
          <span className="field-label">Tags (optional)</span>
          <input
            className="text-input"
            value={tags}
            placeholder="news, daily"
            onChange={(e) => setTags(e.currentTarget.value)}
          />
        </label>
        <button
          type="submit"
          className="button button-primary feeds-subscribe-button"
          disabled={subscribing}
          aria-busy={subscribing}
        >
          {subscribing ? 'Subscribing…' : 'Subscribe'}
        </button>
      </form>
      {invalid && (
        <p className="field-error" role="alert">
          {invalid}
        </p>
      )}
      {model.note && (
        <p
          className={`feeds-note${model.note.kind === 'error' ? ' is-error' : ''}`}
          role={model.note.kind === 'error' ? 'alert' : 'status'}
          data-testid="feeds-note"
        >
          {model.note.text}
        </p>
      )}

      <div className="feeds-list-head">
        <h3 className="feeds-list-title">
          {model.feeds === undefined ? 'Subscriptions' : `Subscriptions (${count})`}
        </h3>
        <Button
          className="feeds-small-button"
          disabled={all || count === 0}
          aria-busy={all}
          onClick={() => void model.refresh()}
        >
          <span className={all ? 'feeds-spin' : undefined}>
            <Icon name="refresh" size={14} />
          </span>
          {all ? 'Refreshing…' : 'Refresh all'}
        </Button>
      </div>
      {model.loadError && (
        <p className="feeds-note is-error" role="alert">
          {model.loadError}
        </p>
      )}
      {model.feeds && count === 0 && (
        <p className="feeds-empty">
          No subscriptions yet. Subscribe to a feed above, or import an OPML list from another
          reader.
        </p>
      )}
      {model.feeds && count > 0 && (
        <ul className="feeds-list" aria-label="Subscriptions">
          {model.feeds.map((f) => (
            <FeedRow
              key={f.id}
              feed={f}
              now={Math.max(now, model.loadedAt)}
              busy={all || model.busy.has(`feed:${f.id}`)}
              onRefresh={() => void model.refresh(f.id)}
              onUnsubscribe={() => setLeaving(f)}
            />
          ))}
        </ul>
      )}

      <footer className="feeds-footer">
        <Button
          className="feeds-small-button"
          disabled={model.busy.has('opml')}
          onClick={() => opmlInput.current?.click()}
        >
          <Icon name="upload" size={14} />
          Import OPML…
        </Button>
        <Button
          className="feeds-small-button"
          disabled={model.busy.has('opml') || count === 0}
          onClick={() => void model.exportOpml()}
        >
          <Icon name="download" size={14} />
          Export OPML
        </Button>
        <span className="toolbar-spacer" />
        <Button variant="primary" onClick={onClose}>
          Done
        </Button>
        <input
          ref={opmlInput}
          type="file"
          hidden
          accept=".opml,.xml,text/x-opml,application/xml,text/xml"
          aria-label="Choose an OPML file"
          data-testid="opml-input"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0]
            e.currentTarget.value = ''
            if (file) void model.importOpml(file)
          }}
        />
      </footer>

      <ConfirmDialog
        open={leaving !== undefined}
        title="Unsubscribe from this feed?"
        message={`Quire stops checking “${leaving?.title || leaving?.url || ''}”. The articles it brought stay in your library.`}
        confirmLabel="Unsubscribe"
        destructive
        onCancel={() => setLeaving(undefined)}
        onConfirm={() => {
          const feed = leaving
          setLeaving(undefined)
          if (feed) void model.unsubscribe(feed)
        }}
      />
    </Dialog>
  )
}
