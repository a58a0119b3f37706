// Page object for the notebook: its filters, its groups by article and their items.
import type { Locator, Page } from '@playwright/test'

export class NotebookPage {
  readonly page: Page
  readonly view: Locator
  readonly count: Locator
  readonly groups: Locator
  readonly items: Locator
  readonly text: Locator
  readonly colours: Locator

  constructor(page: Page) {
    this.page = page
    this.view = page.getByRole('main', { name: 'Notebook' })
    this.count = page.getByTestId('notebook-count')
    this.groups = this.view.getByTestId('notebook-group')
    this.items = this.view.getByTestId('notebook-item')
    this.text = this.view.getByRole('searchbox', { name: 'Find in quotes, notes and titles' })
    this.colours = this.view.getByRole('radiogroup', { name: 'Colour' })
  }

  colour(name: string): Locator {
    return this.colours.getByRole('radio', { name, exact: true })
  }

  group(title: string): Locator {
    return this.groups.filter({ has: this.page.getByRole('heading', { name: title }) })
  }
}
