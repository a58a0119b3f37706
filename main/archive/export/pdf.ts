// PDF of annotated HTML, printed by whatever Chromium the caller has: Electron's
// webContents.printToPDF in the app, Playwright's page.pdf in tests and the browser shell.
import type { ExportItem } from './export-item.ts'
import { annotatedHtml, annotatedHtmlBundle, type HtmlExportOptions } from './annotated-html.ts'

/** Renders a complete HTML document to PDF bytes (A4 or Letter, backgrounds on). */
export type PrintToPdf = (html: string) => Promise<Uint8Array>

/**
 * One article, or several as a bundle with a table of contents. Throws what printToPdf
 * throws, and an Error when its answer is not a PDF.
 */
export async function exportPdf(
  items: ExportItem[],
  printToPdf: PrintToPdf,
  opts: HtmlExportOptions = {},
): Promise<Uint8Array> {
  if (!items.length) throw new Error('Nothing to print: no articles were selected.')
  const html =
    items.length === 1
      ? await annotatedHtml(items[0]!, opts)
      : await annotatedHtmlBundle(items, opts)
  const pdf = await printToPdf(html)
  if (new TextDecoder().decode(pdf.subarray(0, 5)) !== '%PDF-') {
    throw new Error('The printer did not return a PDF.')
  }
  return pdf
}
