// The button that opens the export dialog on a selection: an icon in toolbars, a labelled
// button in headers and the search bar.
import type { ExportSelection, LibraryView } from '../../../shared/api.ts'
import { Icon } from '../ui/Icon.tsx'
import { EVERYTHING, requestExport } from './export-request.ts'
import { Button } from '../ui/Button.tsx'

interface Props {
  selection: ExportSelection
  /** What is exported, in words, for the dialog's subtitle. */
  label: string
  /** Shown text; without it the button is an icon named "Export". */
  text?: string
  /** A fuller accessible name and tooltip than the text (it must contain the text). */
  name?: string
  small?: boolean
  /** Text only, for tight toolbars (the search bar). */
  noIcon?: boolean
  /** Classes beside the icon button's own (`toolbar-extra`, which a narrow toolbar hides). */
  className?: string
}

export function ExportButton({ selection, label, text, name, small, noIcon, className }: Props) {
  const open = () => requestExport({ selection, label })
  if (text === undefined) {
    return (
      <button
        type="button"
        className={className ? `icon-button ${className}` : 'icon-button'}
        aria-label={name ?? 'Export'}
        title={name ? `${name}…` : 'Export highlights and notes…'}
        onClick={open}
      >
        <Icon name="export" size={small ? 17 : 20} />
      </button>
    )
  }
  return (
    <Button className="export-button" aria-label={name} title={name} onClick={open}>
      {!noIcon && <Icon name="export" size={14} />}
      <span>{text}</span>
    </Button>
  )
}

/** The library header's Export: a tag's articles, or everything in All articles. */
export function ExportViewButton({ view, tag }: { view: LibraryView; tag: string | undefined }) {
  if (tag) {
    return (
      <ExportButton
        small
        selection={{ kind: 'tag', tag }}
        label={`Tag “${tag}”`}
        name="Export this tag"
      />
    )
  }
  if (view !== 'all') return null
  return <ExportButton small {...EVERYTHING} name="Export all articles" />
}
