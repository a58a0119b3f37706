// Page object for the library: sidebar, import (picker and drop), the article list, theme.
import { expect, type Locator, type Page } from '@playwright/test'

export interface DroppedFile {
  name: string
  content: string
}

/** The few browser globals the drop helper uses (this folder compiles without the DOM lib). */
interface DropGlobals {
  DataTransfer: new () => { items: { add(file: unknown): unknown } }
  DragEvent: new (
    type: string,
    init: { bubbles: boolean; cancelable: boolean; dataTransfer: unknown },
  ) => unknown
  File: new (parts: string[], name: string, options: { type: string }) => unknown
  document: { body: { dispatchEvent(event: unknown): boolean } }
}

export class LibraryPage {
  readonly page: Page
  readonly sidebar: Locator
  readonly list: Locator
  readonly rows: Locator
  readonly count: Locator
  readonly importSummary: Locator
  readonly importPanel: Locator
  readonly dropOverlay: Locator
  readonly toasts: Locator
  readonly emptyState: Locator

  constructor(page: Page) {
    this.page = page
    this.sidebar = page.getByRole('navigation', { name: 'Library' })
    // Scoped to the library column: the reader's tag suggestions are a listbox too.
    this.list = page.getByRole('region', { name: 'Articles' }).getByRole('listbox')
    this.rows = this.list.getByRole('option')
    this.count = page.getByTestId('library-count')
    this.importSummary = page.getByTestId('import-summary')
    this.importPanel = page.getByTestId('import-panel')
    this.dropOverlay = page.getByTestId('drop-overlay')
    this.toasts = page.getByTestId('toast')
    this.emptyState = page.locator('.library .empty-state')
  }

  async goto(url: string): Promise<void> {
    const response = await this.page.goto(url)
    if (!response?.ok()) {
      const body = (await response?.text())?.slice(0, 200) ?? 'no response'
      throw new Error(`The browser shell did not serve the app (${response?.status()}): ${body}`)
    }
    await expect(this.count).toHaveText(/\d+ articles?/)
  }

  row(title: string): Locator {
    return this.rows.filter({ hasText: title })
  }

  /**
   * The row at `index` (zero-based) in the whole list. The list is virtualised: beyond a
   * hundred rows only those near the viewport are in the DOM, so `rows.nth(i)` counts rendered
   * rows, while this asks for the row's place (`aria-posinset`).
   */
  rowAt(index: number): Locator {
    return this.list.locator(`[role="option"][aria-posinset="${index + 1}"]`)
  }

  viewButton(label: string): Locator {
    return this.sidebar.getByRole('button', { name: new RegExp(`^${label}`) })
  }

  async showView(label: string): Promise<void> {
    await this.viewButton(label).click()
    await expect(
      this.page.getByRole('heading', { level: 2, name: label, exact: true }),
    ).toBeVisible()
  }

  /** Imports through the sidebar's file input, as the Import button's picker would. */
  async importFiles(paths: string[]): Promise<void> {
    await this.sidebar.getByTestId('import-input').setInputFiles(paths)
  }

  /** Drags files over the window and drops them, as a file manager would. */
  async dropFiles(files: DroppedFile[], opts: { drop: boolean } = { drop: true }): Promise<void> {
    await this.page.evaluate(
      ({ files, drop }) => {
        const w = globalThis as unknown as DropGlobals
        const data = new w.DataTransfer()
        for (const f of files) {
          data.items.add(new w.File([f.content], f.name, { type: 'text/plain' }))
        }
        const fire = (type: string) =>
          w.document.body.dispatchEvent(
            new w.DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }),
          )
        fire('dragenter')
        fire('dragover')
        if (drop) fire('drop')
      },
      { files, drop: opts.drop },
    )
  }

  async open(title: string): Promise<void> {
    await this.row(title).click()
  }

  async closeImportSummary(): Promise<void> {
    await this.page.getByRole('button', { name: 'Close the import summary' }).click()
    await expect(this.importPanel).toBeHidden()
  }

  themeOption(label: 'Match system' | 'Light' | 'Dark'): Locator {
    return this.page.getByRole('radiogroup', { name: 'Theme' }).getByRole('radio', { name: label })
  }
}
