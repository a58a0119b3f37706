// What the list says when it has nothing to show: why, and what to do about it.
import type { ViewInfo } from './views.ts'
import { EmptyState } from '../ui/EmptyState.tsx'
import { ImportButton } from '../import/index.ts'
import { Button } from '../ui/Button.tsx'

interface Props {
  view: ViewInfo
  tag: string | undefined
  search: string
  archiveEmpty: boolean
  error: string | undefined
  importing: boolean
  onImport(files: File[]): void
  onRetry(): void
  /** Offered when a search finds nothing in a narrower view than All articles. */
  onSearchEverywhere?: (() => void) | undefined
}

export function LibraryEmpty(props: Props) {
  if (props.error) {
    return (
      <EmptyState
        icon="alert"
        tone="error"
        title={props.search.trim() ? 'The search could not run' : 'The library could not be loaded'}
        hint={props.error}
      >
        <Button onClick={props.onRetry}>Try again</Button>
      </EmptyState>
    )
  }
  if (props.search.trim()) {
    return (
      <EmptyState
        icon="search"
        title="No matches"
        hint={`Nothing in ${props.tag ?? props.view.label} matches “${props.search.trim()}”.`}
      >
        {props.onSearchEverywhere && (
          <Button onClick={props.onSearchEverywhere}>Search all articles</Button>
        )}
      </EmptyState>
    )
  }
  // The Books view says which files of highlights come in, archive empty or not.
  if (props.archiveEmpty && props.view.id !== 'trash' && props.view.id !== 'books') {
    return (
      <EmptyState
        icon="file"
        title="Your archive is empty"
        hint="Drop saved pages, text files, notes or another app's export here, press Import, or add pages from the web (W)."
      >
        <ImportButton onFiles={props.onImport} busy={props.importing} variant="quiet" />
      </EmptyState>
    )
  }
  if (props.tag) {
    return (
      <EmptyState
        icon="tag"
        title={`Nothing tagged ${props.tag}`}
        hint="Tag articles from the reader."
      />
    )
  }
  return (
    <EmptyState icon={iconFor(props.view.id)} {...props.view.empty}>
      {props.view.id === 'books' && (
        <ImportButton onFiles={props.onImport} busy={props.importing} variant="quiet" />
      )}
    </EmptyState>
  )
}

function iconFor(id: ViewInfo['id']) {
  return id === 'trash'
    ? 'trash'
    : id === 'favorites'
      ? 'star'
      : id === 'archived'
        ? 'archive'
        : 'inbox'
}
