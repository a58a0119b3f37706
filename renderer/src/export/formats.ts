// The export formats as the dialog offers them: a name and one line on what each is for.
import type { ExportFormat } from '../../../shared/api.ts'

export interface FormatChoice {
  id: ExportFormat
  label: string
  description: string
  /** Exports the whole archive, whatever was selected. */
  whole?: boolean
}

/** In the browser shell PDF goes through the print dialog; the desktop app writes it itself. */
export function exportFormats(desktop: boolean): FormatChoice[] {
  return [
    {
      id: 'markdown',
      label: 'Markdown',
      description: 'Notes for Obsidian or Logseq: front matter, your note and every highlight.',
    },
    {
      id: 'readwise',
      label: 'Readwise CSV',
      description: 'One row per highlight, ready for Readwise’s CSV import.',
    },
    {
      id: 'jsonld',
      label: 'Web Annotation JSON-LD',
      description: 'Highlights as W3C Web Annotations, for annotation tools.',
    },
    {
      id: 'html',
      label: 'Annotated HTML',
      description: 'The articles as one web page, highlights marked and notes beside them.',
    },
    {
      id: 'pdf',
      label: desktop ? 'PDF' : 'PDF (print to PDF)',
      description: desktop
        ? 'The annotated articles as a PDF file.'
        : 'Opens the print dialog on the annotated HTML: choose “Save as PDF”.',
    },
    {
      id: 'epub',
      label: 'EPUB',
      description: 'An e-book with a chapter per article, images and highlights included.',
    },
    {
      id: 'biblatex',
      label: 'BibLaTeX',
      description: 'Citations for biber, Zotero and pandoc: news articles and web pages.',
    },
    {
      id: 'bibtex',
      label: 'BibTeX',
      description: 'Citations for classic BibTeX styles (@misc with the address and date).',
    },
    { id: 'ris', label: 'RIS', description: 'Citations for EndNote, Zotero and Mendeley.' },
    {
      id: 'csl',
      label: 'CSL-JSON',
      description: 'Citations for Zotero, Pandoc and citeproc tools.',
    },
    {
      id: 'quire-json',
      label: 'Quire JSON',
      description: 'The whole archive as one JSON file that Quire can import again.',
      whole: true,
    },
    {
      id: 'backup',
      label: 'Backup zip',
      description: 'A zip of the whole archive folder, to restore with “quire restore”.',
      whole: true,
    },
  ]
}
