// Wires web import into the app: the "Add from the web" and Feeds dialogs, their shortcuts
// (W, Shift+F), addresses pasted over the library, and the scheduled feed refresh. Publishes
// the import actions (import/import-actions.ts) and returns the dialogs to render.
import { createElement, Fragment, useEffect, useMemo, useState, type ReactNode } from 'react'
import type { QuireClient } from '../../../shared/api.ts'
import { FeedsDialog, useFeedSchedule } from '../feeds/index.ts'
import { publishImportActions, type ImportActions } from './import-actions.ts'
import type { Importer } from './use-importer.ts'
import type { ImportFailure } from './import-outcome.ts'
import { isTyping } from '../ui/is-typing.ts'
import { useShortcuts } from '../ui/use-shortcuts.ts'
import type { Toasts } from '../ui/use-toasts.ts'
import { pastedUrls } from './url-list.ts'
import { WebImportDialog } from './WebImportDialog.tsx'

export interface WebImport {
  actions: ImportActions
  dialogs: ReactNode
}

export function useWebImport(
  client: QuireClient,
  importer: Importer,
  toasts: Toasts,
  onChanged: () => void,
): WebImport {
  /** The web dialog's starting text while it is open. */
  const [webText, setWebText] = useState<string | null>(null)
  const [feedsOpen, setFeedsOpen] = useState(false)
  useFeedSchedule(client, toasts, onChanged)

  useShortcuts({ w: () => setWebText(''), F: () => setFeedsOpen(true) })

  // Ctrl/Cmd+V of addresses over the library (not in a field, no dialog open) offers to
  // import them: the dialog opens with them filled in.
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      if (isTyping(e.target) || document.querySelector('dialog[open]')) return
      const urls = pastedUrls(e.clipboardData?.getData('text/plain') ?? '')
      if (urls.length === 0) return
      e.preventDefault()
      setWebText(urls.join('\n'))
    }
    window.addEventListener('paste', onPaste)
    return () => window.removeEventListener('paste', onPaste)
  }, [])

  const { importUrls, fetchArticles, reopen, hasLast, state } = importer
  const busy = state.phase === 'running'
  const actions = useMemo<ImportActions>(
    () => ({
      importUrls: (urls, tags) => void importUrls(urls, tags),
      fetchArticles: (ids, names) => void fetchArticles(ids, names),
      openWebImport: (text = '') => setWebText(text),
      openFeeds: () => setFeedsOpen(true),
      reopenLast: hasLast ? reopen : undefined,
      busy,
    }),
    [importUrls, fetchArticles, reopen, hasLast, busy],
  )
  useEffect(() => {
    publishImportActions(actions)
    return () => publishImportActions(null)
  }, [actions])

  const dialogs = createElement(
    Fragment,
    null,
    webText !== null &&
      createElement(WebImportDialog, {
        initial: webText,
        onImport: (urls: string[], tags: string[], invalid: ImportFailure[]) =>
          void importUrls(urls, tags, invalid),
        onClose: () => setWebText(null),
      }),
    feedsOpen && createElement(FeedsDialog, { onChanged, onClose: () => setFeedsOpen(false) }),
  )
  return { actions, dialogs }
}
