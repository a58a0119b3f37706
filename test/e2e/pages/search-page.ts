// Page object for search: the box, its chips and error, the sort and save bar, the syntax help,
// the index indicator, and the sidebar's saved searches with their menus.
import { expect, type Locator, type Page } from '@playwright/test'

export class SearchPage {
  readonly page: Page
  readonly box: Locator
  readonly chips: Locator
  readonly error: Locator
  /** The underlined part of the query, mirrored behind the box. */
  readonly errorSpan: Locator
  readonly sort: Locator
  readonly saveButton: Locator
  readonly saveDialog: Locator
  readonly helpButton: Locator
  readonly help: Locator
  readonly indexing: Locator
  readonly indexFailed: Locator
  readonly snippets: Locator
  readonly savedSearches: Locator

  constructor(page: Page) {
    this.page = page
    this.box = page.getByRole('combobox', { name: 'Search the library' })
    this.chips = page.getByRole('list', { name: 'Search parts' }).getByRole('listitem')
    this.error = page.locator('#search-error')
    this.errorSpan = page.getByTestId('search-error-span')
    this.sort = page.getByRole('button', { name: /^Sort by/ })
    this.saveButton = page.getByRole('button', { name: 'Save search' })
    this.saveDialog = page.getByRole('dialog', { name: /Save this search|Rename saved search/ })
    this.helpButton = page.getByRole('button', { name: 'Search syntax help' })
    this.help = page.getByRole('dialog', { name: 'Search syntax' })
    this.indexing = page.locator('.search-indexing')
    this.indexFailed = page.locator('.search-index-failed')
    this.snippets = page.getByTestId('snippet')
    this.savedSearches = page
      .getByRole('navigation', { name: 'Library' })
      .getByRole('list', { name: 'Saved searches' })
      .getByRole('listitem')
  }

  /** Types a query as a person would (replacing what is there) and waits for the count. */
  async run(query: string, results: number): Promise<void> {
    await this.box.fill(query)
    await expect(this.page.getByTestId('library-count')).toHaveText(
      results === 1 ? '1 result' : `${results} results`,
    )
  }

  chip(text: string): Locator {
    return this.chips.filter({ hasText: text })
  }

  async removeChip(text: string): Promise<void> {
    await this.page.getByRole('button', { name: `Remove ${text}`, exact: true }).click()
  }

  async sortBy(label: 'Relevance' | 'Newest' | 'Published' | 'Title'): Promise<void> {
    await this.sort.click()
    await this.page
      .getByRole('menu', { name: 'Sort by' })
      .getByRole('menuitemradio', { name: label })
      .click()
    await expect(this.sort).toHaveAccessibleName(`Sort by ${label}`)
  }

  savedSearch(name: string): Locator {
    return this.savedSearches.filter({ hasText: name })
  }

  /** Opens a saved search's ⋯ menu and picks an item. */
  async savedSearchAction(name: string, action: 'Rename…' | 'Delete'): Promise<void> {
    await this.savedSearch(name).hover()
    await this.page.getByRole('button', { name: `More for ${name}` }).click()
    await this.page.getByRole('menu', { name }).getByRole('menuitem', { name: action }).click()
  }
}
