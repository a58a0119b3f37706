// The app's one screen: sidebar, library list (or search results) and reader, with import,
// saved searches, toasts and shortcuts. It owns what is selected and open; the hooks own the data.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useClient } from '../api/client-context.ts'
import { takeOpenRequest } from '../api/session-token.ts'
import { useMainRequests } from './use-main-requests.ts'
import {
  DropOverlay,
  ImportPanel,
  useFileDrop,
  useImporter,
  useWebImport,
} from '../import/index.ts'
import {
  LibraryEmpty,
  LibraryHeaderActions,
  LibraryPane,
  BulkBar,
  useBulkActions,
  useSelection,
  useArticleActions,
  toSummary,
  useArchiveSources,
  useLibrary,
  useViewCounts,
  viewInfo,
} from '../library/index.ts'
import { ReaderPane, marksReadOnOpen, useArticle } from '../reader/index.ts'
import {
  SaveSearchDialog,
  type NamingTarget,
  SearchPanel,
  hasNarrowerScope,
  isSameQuery,
  searchPlace,
  useScopeCounts,
  useIndexStatus,
  useSavedSearches,
  useSearch,
} from '../search/index.ts'
import { AppSidebar, DrawerButton, useSidebarPlace } from './AppSidebar.tsx'
import { useCursorMoves, useNavigation } from './use-navigation.ts'
import { StartupError } from './StartupError.tsx'
import { ShortcutSheet } from './ShortcutSheet.tsx'
import { TagManager, TagsContext, useTagEdits, useTags } from '../tags/index.ts'
import { Toasts } from '../ui/Toasts.tsx'
import { useArchiveInfo } from './use-archive-info.ts'
import { useArchiveRevision } from './use-archive-revision.ts'
import { useTheme, SettingsDialog, useSettingsShortcut } from '../settings/index.ts'
import { useShortcuts } from '../ui/use-shortcuts.ts'
import { useToasts } from '../ui/use-toasts.ts'
import { useUndoShortcut } from '../ui/use-undo-shortcut.ts'
import { NotebookView, usePublishNotebookNav } from '../notebook/index.ts'
import { EVERYTHING, requestExport, ExportHost } from '../export/index.ts'
import type { FocusRequest } from '../annotations/index.ts'

export function App() {
  const client = useClient()
  const theme = useTheme()
  const toasts = useToasts()
  useUndoShortcut(toasts.undoLatest)
  const { revision, bump } = useArchiveRevision(client)

  const search = useSearch()
  const nav = useNavigation(search.setText)
  const { view, tag, status, listSort, cursorId, setCursorId, setReading } = nav
  const searching = search.query.trim() !== ''
  /** Where the list looks: a search looks everywhere unless narrowed (search/search-scope.ts). */
  const place = searching ? searchPlace({ view, tag }, search.scope) : { view, tag }
  const query = useMemo(
    () => ({
      view: place.view,
      tag: place.tag,
      search: search.query,
      sort: search.sort,
      listSort,
      status,
    }),
    [place.view, place.tag, search.query, search.sort, listSort, status],
  )

  const info = useArchiveInfo(client, revision)
  const library = useLibrary(client, query, revision)
  const counts = useViewCounts(client, revision)
  const tags = useTags(client, revision)
  const tagColors = useMemo(() => new Map(tags.map((t) => [t.name, t.color])), [tags])
  const indexStatus = useIndexStatus(client)
  const scopeCounts = useScopeCounts(client, search.query, { view, tag }, status, revision)
  const saved = useSavedSearches(client, revision, toasts, bump)
  /** A saved search runs over All articles; there it stands in for the view's name. */
  const currentSaved =
    view === 'all' && !tag ? saved.list.find((s) => isSameQuery(s.query, search.text)) : undefined
  const savedMatch = saved.list.find((s) => isSameQuery(s.query, search.query))
  const [naming, setNaming] = useState<NamingTarget | null>(null)
  const sidebarPlace = useSidebarPlace()
  const [listFocus, setListFocus] = useState(0)

  // Opened from the browser extension's "Open in Quire": that article first.
  const [openId, setOpenId] = useState<string | undefined>(takeOpenRequest)
  const open = useArticle(client, openId, revision)

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
  const closeDrawer = sidebarPlace.close
  const openNotebook = useCallback(() => {
    closeDrawer()
    setNotebook(true)
  }, [closeDrawer])
  usePublishNotebookNav(notebook, openNotebook)
  /** Bumped when Settings changed the reading settings, so the reader reads them again. */
  const [readerKey, setReaderKey] = useState(0)
  const openSettings = useCallback(() => setShowSettings(true), [])
  useSettingsShortcut(openSettings)

  const importer = useImporter(client, bump)
  const dragging = useFileDrop(importer.importFiles)
  /** Add from the web, Feeds, pasted addresses and the scheduled feed refresh. */
  const web = useWebImport(client, importer, toasts, bump)
  /** The sources in the archive, for the source filter's suggestions. */
  const sources = useArchiveSources(client, revision)

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
    [library.items, actions, setCursorId, setReading],
  )
  // The desktop menu's screens and the extension's "Open in Quire" arrive as events.
  useMainRequests(client, {
    settings: openSettings,
    'web-import': web.actions.openWebImport,
    feeds: web.actions.openFeeds,
    notebook: () => setNotebook(true),
    export: () => requestExport(EVERYTHING),
    article: (id) => openArticle(id, true),
  })

  const jumpToAnnotation = useCallback(
    (articleId: string, annotationId: string) => {
      setNotebook(false)
      openArticle(articleId, true)
      setFocusRequest({ articleId, annotationId, nonce: Date.now() })
    },
    [openArticle],
  )

  const { moveCursor, moveCursorTo } = useCursorMoves(library.items, nav, library.loadMore)

  const backToList = useCallback(() => {
    setReading(false)
    requestAnimationFrame(() => listRef.current?.focus())
  }, [setReading])

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
  const hereLabel = tag ?? vi.label
  const title = currentSaved?.name ?? (place.view !== view ? viewInfo(place.view).label : hereLabel)
  const headerAction = (
    <LibraryHeaderActions
      view={view}
      tag={tag}
      searching={searching}
      listSort={listSort}
      total={library.total}
      onSort={nav.chooseSort}
      onEmptyTrash={() => void actions.emptyTrash()}
    />
  )

  return (
    <TagsContext value={tags}>
      <div
        className="app"
        data-pane={nav.reading ? 'reader' : 'list'}
        data-notebook={notebook ? 'open' : undefined}
      >
        <AppSidebar
          place={sidebarPlace}
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
          archiveLocation={info.info?.location}
          importing={importer.state.phase === 'running'}
          theme={theme.choice}
          onView={nav.chooseView}
          onTag={nav.chooseTag}
          onStatus={nav.chooseStatus}
          onFilterQuery={nav.runQuery}
          onManageTags={() => setManagingTags(true)}
          onSavedSearch={(s) => nav.runQuery(s.query)}
          onRenameSavedSearch={(s) => setNaming({ kind: 'rename', saved: s })}
          onDeleteSavedSearch={saved.remove}
          onImport={(files) => void importer.importFiles(files)}
          onTheme={theme.setChoice}
          onSettings={openSettings}
        />
        {notebook && (
          <NotebookView
            revision={revision}
            navButton={<DrawerButton place={sidebarPlace} />}
            onJump={jumpToAnnotation}
            onClose={() => setNotebook(false)}
          />
        )}
        <LibraryPane
          title={title}
          navButton={<DrawerButton place={sidebarPlace} />}
          library={library}
          cursorId={cursorId}
          openId={openId}
          tagColors={tagColors}
          showPlace={searching && place.view === 'all'}
          noun={place.view === 'books' ? 'book' : 'article'}
          searchPanel={
            <SearchPanel
              search={search}
              refused={library.invalid}
              index={indexStatus}
              savedName={savedMatch?.name}
              scope={
                hasNarrowerScope({ view, tag }) ? { counts: scopeCounts, hereLabel } : undefined
              }
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
              view={viewInfo(place.view)}
              tag={place.tag}
              search={search.query}
              archiveEmpty={counts.all === 0 && counts.trash === 0}
              error={library.status === 'error' ? library.error : undefined}
              importing={importer.state.phase === 'running'}
              onImport={(files) => void importer.importFiles(files)}
              onRetry={bump}
              onSearchEverywhere={
                searching && hasNarrowerScope(place)
                  ? () => search.setScope('everywhere')
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
            onFetch={(ids, names) => void importer.fetchArticles(ids, names)}
          />
        </div>
        {!managingTags && <Toasts {...toasts} />}
        {naming && (
          <SaveSearchDialog target={naming} onSave={saved.save} onClose={() => setNaming(null)} />
        )}
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
