// Page objects for tagging: the reader's tag editor, the sidebar's tag tree, the Tag manager
// and the library's multi-select with its bulk action bar.
import type { Locator, Page } from '@playwright/test'

export class TagsPage {
  readonly page: Page
  readonly tagsButton: Locator
  readonly editor: Locator
  readonly editorInput: Locator
  readonly suggestions: Locator
  readonly manager: Locator
  readonly bulkBar: Locator
  readonly bulkCount: Locator
  readonly sidebarTags: Locator

  constructor(page: Page) {
    this.page = page
    const toolbar = page.getByRole('toolbar', { name: 'Article actions' })
    this.tagsButton = toolbar.getByRole('button', { name: 'Tags', exact: true })
    this.editor = page.getByRole('dialog', { name: 'Tags' })
    this.editorInput = this.editor.getByRole('combobox', { name: 'Add a tag' })
    this.suggestions = this.editor.getByRole('option')
    this.manager = page.getByRole('dialog', { name: 'Manage tags' })
    this.bulkBar = page.getByRole('toolbar', { name: 'Selected articles' })
    this.bulkCount = page.getByTestId('bulk-count')
    this.sidebarTags = page.getByRole('navigation', { name: 'Library' }).locator('.tag-tree-item')
  }

  /** A tag in the sidebar by its full name (nested tags show only their last part). */
  sidebarTag(name: string): Locator {
    return this.page
      .getByRole('navigation', { name: 'Library' })
      .locator('.tag-tree-row .nav-item')
      .and(this.page.locator(`[title="${name}"]`))
  }

  chip(name: string): Locator {
    return this.editor.locator('.tag-chip').filter({ hasText: name })
  }

  async openManager(): Promise<void> {
    await this.page.getByRole('button', { name: 'Manage tags' }).click()
  }

  managerRow(name: string): Locator {
    return this.manager.locator(`[data-tag="${name}"]`)
  }

  async rename(from: string, to: string): Promise<void> {
    await this.manager.getByRole('button', { name: `Rename ${from}`, exact: true }).click()
    const input = this.manager.getByRole('textbox', { name: `New name for ${from}` })
    await input.fill(to)
    await input.press('Enter')
  }

  /** The row's drawn check box (hidden from assistive tech; the option is aria-checked). */
  rowCheckbox(row: Locator): Locator {
    return row.locator('.row-check')
  }
}
