// Page object for the reader: the open article's parts and its actions.
import type { Locator, Page } from '@playwright/test'

export class ReaderPage {
  readonly page: Page
  readonly article: Locator
  readonly title: Locator
  readonly source: Locator
  readonly subtitle: Locator
  readonly byline: Locator
  readonly dateline: Locator
  readonly body: Locator
  readonly paragraphs: Locator
  readonly toolbar: Locator
  readonly emptyState: Locator

  constructor(page: Page) {
    this.page = page
    this.article = page.getByRole('article')
    this.title = this.article.getByRole('heading', { level: 1 })
    this.source = page.getByTestId('reader-source')
    this.subtitle = page.getByTestId('reader-subtitle')
    this.byline = page.getByTestId('reader-byline')
    this.dateline = page.getByTestId('reader-dateline')
    this.body = page.getByTestId('reader-body')
    this.paragraphs = this.body.locator('p')
    this.toolbar = page.getByRole('toolbar', { name: 'Article actions' })
    this.emptyState = page.locator('.reader .empty-state')
  }

  action(
    name: 'Mark as read' | 'Mark as unread' | 'Favourite' | 'Archive' | 'Move to Trash' | 'Restore',
  ): Locator {
    return this.toolbar.getByRole('button', { name, exact: true })
  }
}
