// The button that opens the export dialog on a selection: an icon in toolbars, a labelled
// button in headers and the search bar.
import type { ExportSelection, LibraryView } from '../../../shared/api.ts'
import { EVERYTHING, requestExport } from './export-request.ts'

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
}

export function ExportButton({ selection, label, text, name, small, noIcon }: Props) {
  const open = () => requestExport({ selection, label })
  if (text === undefined) {
    return (
      <button
        type="button"
        className="icon-button"
        aria-label={name ?? 'Export'}
        title={name ? `${name}…` : 'Export highlights and notes…'}
        onClick={open}
      >
        <ExportIcon size={small ? 17 : 20} />
      </button>
    )
  }
  return (
    <button
      type="button"
      className="button button-quiet export-button"
      aria-label={name}
      title={name}
      onClick={open}
    >
      {!noIcon && <ExportIcon size={14} />}
      <span>{text}</span>
    </button>
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

function ExportIcon({ size }: { size: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M12 3v12M7 8l5-5 5 5M5 15v4a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2v-4" />
    </svg>
  )
}
