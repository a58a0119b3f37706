// The app's one screen: sidebar, library list (or search results) and reader, with import,
// saved searches, toasts and shortcuts. It owns what is selected and open; the hooks own the data.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { LibraryView } from '../../../shared/api.ts'
import type { ReadStatus, SavedSearch } from '../../../shared/model.ts'
import { useClient } from '../api/client-context.ts'
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx'
import {
  DropOverlay,
  ImportPanel,
  useFileDrop,
  useImporter,
  useWebImport,
} from '../import/index.ts'
import {
  LibraryEmpty,
  LibraryPane,
  BulkBar,
  useBulkActions,
  useSelection,
  useArticleActions,
  toSummary,
  useLibrary,
  LIST_SORTS,
  type ListSortId,
  useViewCounts,
  viewInfo,
} from '../library/index.ts'
import { ReaderPane, marksReadOnOpen, useArticle } from '../reader/index.ts'
import {
  SaveSearchDialog,
  type NamingTarget,
  SearchPanel,
  isSameQuery,
  useIndexStatus,
  useSavedSearches,
  useSearch,
} from '../search/index.ts'
import { Sidebar } from './Sidebar.tsx'
import { SortMenu } from '../ui/SortMenu.tsx'
import { StartupError } from './StartupError.tsx'
import { ShortcutSheet } from './ShortcutSheet.tsx'
import { TagManager, TagsContext, useTagEdits, useTags } from '../tags/index.ts'
import { Toasts } from '../ui/Toasts.tsx'
import { Icon } from '../ui/Icon.tsx'
import { plural } from '../ui/format/article-meta.ts'
import { useArchiveInfo } from './use-archive-info.ts'
import { useArchiveRevision } from './use-archive-revision.ts'
import { useTheme, SettingsDialog, useSettingsShortcut } from '../settings/index.ts'
import { useShortcuts } from '../ui/use-shortcuts.ts'
import { useToasts } from '../ui/use-toasts.ts'
import { NotebookView, publishNotebookNav } from '../notebook/index.ts'
import { EVERYTHING, requestExport, ExportHost, ExportViewButton } from '../export/index.ts'
import type { FocusRequest } from '../annotations/index.ts'

export function App() {
  const client = useClient()
  const theme = useTheme()
  const toasts = useToasts()
  const { revision, bump } = useArchiveRevision(client)

  const [view, setView] = useState<LibraryView>('inbox')
  const [tag, setTag] = useState<string>()
  const [status, setStatus] = useState<ReadStatus>()
  const [listSort, setListSort] = useState<ListSortId>('newest')
  const search = useSearch()
  const query = useMemo(
    () => ({ view, tag, search: search.query, sort: search.sort, listSort, status }),
    [view, tag, search.query, search.sort, listSort, status],
  )
  const searching = search.query.trim() !== ''

  const info = useArchiveInfo(client, revision)
  const library = useLibrary(client, query, revision)
  const counts = useViewCounts(client, revision)
  const tags = useTags(client, revision)
  const tagColors = useMemo(() => new Map(tags.map((t) => [t.name, t.color])), [tags])
  const indexStatus = useIndexStatus(client)
  const saved = useSavedSearches(client, revision, toasts, bump)
  /** A saved search runs over All articles; there it stands in for the view's name. */
  const currentSaved =
    view === 'all' && !tag ? saved.list.find((s) => isSameQuery(s.query, search.text)) : undefined
  const savedMatch = saved.list.find((s) => isSameQuery(s.query, search.query))
  const [naming, setNaming] = useState<NamingTarget | null>(null)
  const [listFocus, setListFocus] = useState(0)

  const [cursorId, setCursorId] = useState<string>()
  const [openId, setOpenId] = useState<string>()
  /** Narrow windows show the list or the reader; this says which. */
  const [reading, setReading] = useState(false)
  const open = useArticle(client, openId, revision)
  const [confirmEmpty, setConfirmEmpty] = useState(false)

  const listRef = useRef<HTMLUListElement>(null)
  const searchRef = useRef<HTMLInputElement>(null)
  const readerRef = useRef<HTMLDivElement>(null)

  const actions = useArticleActions({
    client,
    view,
    library,
    toasts,
    openId,
    cursorId,
    setOpenId,
    setCursorId,
    replaceOpen: open.replace,
    bump,
  })

  const selection = useSelection(
    library.items,
    `${view}|${tag ?? ''}|${status ?? ''}|${search.query}|${search.sort}|${listSort}`,
  )
  const selected = useMemo(
    () => library.items.filter((a) => selection.has(a.id)),
    [library.items, selection],
  )
  const bulk = useBulkActions(client, toasts, bump)
  const tagEdits = useTagEdits(client, toasts, bump)
  const [managingTags, setManagingTags] = useState(false)
  const [showKeys, setShowKeys] = useState(false)
  const [showSettings, setShowSettings] = useState(false)
  /** The notebook (every annotation) in place of the list and reader. */
  const [notebook, setNotebook] = useState(false)
  const [focusRequest, setFocusRequest] = useState<FocusRequest>()
  useEffect(() => {
    publishNotebookNav({ open: () => setNotebook(true), isOpen: notebook })
    return () => publishNotebookNav(null)
  }, [notebook])
  /** Bumped when Settings changed the reading settings, so the reader reads them again. */
  const [readerKey, setReaderKey] = useState(0)
  const openSettings = useCallback(() => setShowSettings(true), [])
  useSettingsShortcut(openSettings)
  // The desktop menu's Settings… (Ctrl/Cmd+,) arrives as an event from main.
  useEffect(
    () => client.on('ui:open', ({ screen }) => screen === 'settings' && openSettings()),
    [client, openSettings],
  )

  const importer = useImporter(client, bump)
  const dragging = useFileDrop(importer.importFiles)
  /** Add from the web, Feeds, pasted addresses and the scheduled feed refresh. */
  const web = useWebImport(client, importer, toasts, bump)
  // The desktop menu's other screens arrive the same way.
  const { openWebImport, openFeeds } = web.actions
  useEffect(
    () =>
      client.on('ui:open', ({ screen }) => {
        if (screen === 'web-import') openWebImport()
        else if (screen === 'feeds') openFeeds()
        else if (screen === 'notebook') setNotebook(true)
        else if (screen === 'export') requestExport(EVERYTHING)
      }),
    [client, openWebImport, openFeeds],
  )

  const chooseView = useCallback((next: LibraryView) => {
    setView(next)
    setTag(undefined)
    setCursorId(undefined)
    setReading(false)
  }, [])

  const chooseTag = useCallback((name: string) => {
    setView('all')
    setTag(name)
    setCursorId(undefined)
    setReading(false)
  }, [])

  const { setText: setSearchText } = search
  const runSaved = useCallback(
    (s: SavedSearch) => {
      setView('all')
      setTag(undefined)
      setSearchText(s.query, true)
      setCursorId(undefined)
      setReading(false)
    },
    [setSearchText],
  )

  const runFilterQuery = useCallback(
    (text: string) => {
      setView('all')
      setTag(undefined)
      setSearchText(text, true)
      setCursorId(undefined)
      setReading(false)
    },
    [setSearchText],
  )

  const chooseStatus = useCallback((next: ReadStatus | undefined) => {
    setStatus(next)
    setCursorId(undefined)
  }, [])

  /** The sources of the loaded rows, for the source filter's suggestions. */
  const sources = useMemo(
    () =>
      [...new Set(library.items.flatMap((a) => (a.source ? [a.source] : [])))].sort((a, b) =>
        a.localeCompare(b),
      ),
    [library.items],
  )

  const openArticle = useCallback(
    (id: string, focusReader = false) => {
      setCursorId(id)
      setOpenId(id)
      setReading(true)
      const summary = library.items.find((a) => a.id === id)
      // With "mark as read at the end" on, the reader marks it as the person gets there.
      if (summary && marksReadOnOpen()) actions.markRead(summary)
      if (focusReader) requestAnimationFrame(() => readerRef.current?.focus())
    },
    [library.items, actions],
  )

  const jumpToAnnotation = useCallback(
    (articleId: string, annotationId: string) => {
      setNotebook(false)
      openArticle(articleId, true)
      setFocusRequest({ articleId, annotationId, nonce: Date.now() })
    },
    [openArticle],
  )

  const moveCursor = useCallback(
    (delta: number) => {
      const items = library.items
      if (items.length === 0) return
      const i = items.findIndex((a) => a.id === cursorId)
      const next = i < 0 ? (delta > 0 ? 0 : items.length - 1) : i + delta
      const clamped = Math.max(0, Math.min(items.length - 1, next))
      setCursorId(items[clamped]?.id)
      if (clamped >= items.length - 5) library.loadMore()
    },
    [library, cursorId],
  )

  const moveCursorTo = useCallback(
    (where: 'first' | 'last') => {
      const items = library.items
      setCursorId((where === 'first' ? items[0] : items[items.length - 1])?.id)
    },
    [library.items],
  )

  const backToList = useCallback(() => {
    setReading(false)
    requestAnimationFrame(() => listRef.current?.focus())
  }, [])

  const current = open.data?.article
  useEffect(() => {
    document.title = current ? `${current.title} — Quire` : 'Quire'
  }, [current])
  const currentSummary = useMemo(() => (current ? toSummary(current) : null), [current])
  const withOpen = (run: (a: NonNullable<typeof currentSummary>) => void) => () => {
    if (currentSummary) run(currentSummary)
  }
  /** With rows selected, E, S and # act on them; otherwise on the open article. */
  const onSelectionOr =
    (
      many: (items: typeof selected) => void,
      one: (a: NonNullable<typeof currentSummary>) => void,
    ) =>
    () => {
      if (selected.length > 0) many(selected)
      else withOpen(one)()
    }

  useShortcuts({
    // The notebook covers the list: its keys are its own while it is open.
    j: () => !notebook && moveCursor(1),
    k: () => !notebook && moveCursor(-1),
    Enter: () => !notebook && cursorId && openArticle(cursorId, true),
    Escape: notebook ? () => setNotebook(false) : backToList,
    b: () => setNotebook((v) => !v),
    s: onSelectionOr(bulk.favorite, actions.toggleFavorite),
    e: onSelectionOr(bulk.archive, actions.toggleArchived),
    m: withOpen(actions.toggleRead),
    '#': onSelectionOr(bulk.trash, actions.trash),
    Delete: onSelectionOr(bulk.trash, actions.trash),
    '/': () => searchRef.current?.select(),
    '?': () => setShowKeys(true),
  })

  if (info.error && !info.info) return <StartupError message={info.error} />

  const vi = viewInfo(view)
  const title = currentSaved?.name ?? tag ?? vi.label
  const trashAction =
    view === 'trash' && !tag && library.total > 0 ? (
      <button
        type="button"
        className="button button-danger-quiet library-header-action"
        onClick={() => setConfirmEmpty(true)}
      >
        <Icon name="trash" size={15} />
        <span>Empty Trash</span>
      </button>
    ) : null
  const headerAction = (
    <>
      {!searching && (
        <SortMenu
          options={LIST_SORTS}
          sort={listSort}
          menuId="list-sort-menu"
          onSort={(next) => {
            setListSort(next)
            setCursorId(undefined)
          }}
        />
      )}
      {!searching && <ExportViewButton view={view} tag={tag} />}
      {trashAction}
    </>
  )

  return (
    <TagsContext value={tags}>
      <div
        className="app"
        data-pane={reading ? 'reader' : 'list'}
        data-notebook={notebook ? 'open' : undefined}
      >
        <Sidebar
          view={view}
          tag={tag}
          counts={counts}
          tags={tags}
          savedSearches={saved.list}
          savedSearchId={currentSaved?.id}
          status={status}
          sources={sources}
          query={search.query}
          archiveName={info.info?.name}
          importing={importer.state.phase === 'running'}
          theme={theme.choice}
          onView={chooseView}
          onTag={chooseTag}
          onStatus={chooseStatus}
          onFilterQuery={runFilterQuery}
          onManageTags={() => setManagingTags(true)}
          onSavedSearch={runSaved}
          onRenameSavedSearch={(s) => setNaming({ kind: 'rename', saved: s })}
          onDeleteSavedSearch={saved.remove}
          onImport={(files) => void importer.importFiles(files)}
          onTheme={theme.setChoice}
          onSettings={openSettings}
        />
        {notebook && (
          <NotebookView
            revision={revision}
            onJump={jumpToAnnotation}
            onClose={() => setNotebook(false)}
          />
        )}
        <LibraryPane
          title={title}
          library={library}
          cursorId={cursorId}
          openId={openId}
          tagColors={tagColors}
          searchPanel={
            <SearchPanel
              search={search}
              refused={library.invalid}
              index={indexStatus}
              savedName={savedMatch?.name}
              newestFirst={library.newestFirst}
              inputRef={searchRef}
              onEscape={() => {
                search.setText('', true)
                setListFocus((n) => n + 1)
              }}
              onLeave={() => listRef.current?.focus()}
              onSave={() => setNaming({ kind: 'save', query: search.query })}
            />
          }
          searching={searching}
          stale={search.error !== undefined && searching}
          focusRequest={listFocus}
          listRef={listRef}
          headerAction={headerAction}
          selection={selection}
          bulkBar={<BulkBar items={selected} actions={bulk} onClear={selection.clear} />}
          empty={
            <LibraryEmpty
              view={vi}
              tag={tag}
              search={search.query}
              archiveEmpty={counts.all === 0 && counts.trash === 0}
              error={library.status === 'error' ? library.error : undefined}
              importing={importer.state.phase === 'running'}
              onImport={(files) => void importer.importFiles(files)}
              onRetry={bump}
              onSearchEverywhere={
                searching && (view !== 'all' || tag)
                  ? () => {
                      setView('all')
                      setTag(undefined)
                    }
                  : undefined
              }
            />
          }
          onMove={moveCursor}
          onMoveTo={moveCursorTo}
          onOpen={(id) => openArticle(id)}
        />
        <ReaderPane
          key={readerKey}
          open={open}
          actions={actions}
          tagColors={tagColors}
          scrollRef={readerRef}
          onBack={backToList}
          toasts={toasts}
          onChanged={bump}
          focusRequest={focusRequest}
          onNotebook={() => setNotebook(true)}
        />
        <DropOverlay visible={dragging} />
        <div className="corner-stack">
          <ImportPanel
            state={importer.state}
            onDismiss={importer.dismiss}
            onCancel={importer.cancel}
            onOpen={(id) => {
              importer.dismiss()
              openArticle(id)
            }}
          />
        </div>
        {!managingTags && <Toasts {...toasts} />}
        {naming && (
          <SaveSearchDialog target={naming} onSave={saved.save} onClose={() => setNaming(null)} />
        )}
        <ConfirmDialog
          open={confirmEmpty}
          title="Empty the Trash?"
          message={`${plural(library.total, 'article')} will be deleted for good. This can’t be undone.`}
          confirmLabel="Empty Trash"
          destructive
          onCancel={() => setConfirmEmpty(false)}
          onConfirm={() => {
            setConfirmEmpty(false)
            void actions.emptyTrash()
          }}
        />
        {managingTags && (
          <TagManager
            tags={tags}
            edits={tagEdits}
            toasts={toasts}
            onClose={() => setManagingTags(false)}
          />
        )}
        {showKeys && <ShortcutSheet onClose={() => setShowKeys(false)} />}
        <ExportHost />
        {web.dialogs}
        {showSettings && (
          <SettingsDialog
            info={info.info}
            theme={theme.choice}
            onTheme={theme.setChoice}
            onClose={(readingChanged) => {
              setShowSettings(false)
              if (readingChanged) setReaderKey((n) => n + 1)
            }}
          />
        )}
      </div>
    </TagsContext>
  )
}
