// Page object for the Feeds dialog (sidebar › Feeds) and the setting it needs here, "Allow
// local network sources" (the test site runs on 127.0.0.1).
import { expect, type Locator, type Page } from '@playwright/test'

export class FeedsPage {
  readonly page: Page
  readonly dialog: Locator
  readonly address: Locator
  readonly subscribeButton: Locator
  readonly note: Locator
  readonly rows: Locator
  readonly refreshAll: Locator

  constructor(page: Page) {
    this.page = page
    this.dialog = page.getByRole('dialog', { name: 'Feeds' })
    this.address = this.dialog.getByLabel('Feed address')
    this.subscribeButton = this.dialog.getByRole('button', { name: /^Subscrib/ })
    this.note = this.dialog.getByTestId('feeds-note')
    this.rows = this.dialog.getByTestId('feed-row')
    this.refreshAll = this.dialog.getByRole('button', { name: /Refresh all|Refreshing/ })
  }

  async open(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Library' })
      .getByRole('button', { name: 'Feeds' })
      .click()
    await expect(this.dialog).toBeVisible()
  }

  async subscribe(url: string): Promise<void> {
    await this.address.fill(url)
    await this.subscribeButton.click()
  }

  row(title: string): Locator {
    return this.rows.filter({ hasText: title })
  }

  async close(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Done' }).click()
    await expect(this.dialog).toBeHidden()
  }

  /** Settings › Feeds › Allow local network sources, on. */
  async allowLocalNetwork(): Promise<void> {
    await this.page.getByRole('button', { name: 'Settings', exact: true }).click()
    const settings = this.page.getByRole('dialog', { name: 'Settings' })
    const box = settings.getByRole('checkbox', { name: 'Allow local network sources' })
    await expect(box).toBeEnabled()
    await box.check()
    await expect(box).toBeChecked()
    await expect(box).toBeEnabled()
    await settings.getByRole('button', { name: 'Done' }).click()
    await expect(settings).toBeHidden()
  }
}
