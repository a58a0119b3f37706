// Page object for "Add from the web" (the globe beside Import, or W), the import panel's
// Cancel, a saved link in the reader and the Versions menu.
import { expect, type Locator, type Page } from '@playwright/test'

export class WebImportPage {
  readonly page: Page
  readonly dialog: Locator
  readonly addresses: Locator
  readonly tags: Locator
  readonly linkRecord: Locator
  readonly versionBanner: Locator

  constructor(page: Page) {
    this.page = page
    this.dialog = page.getByRole('dialog', { name: 'Add from the web' })
    this.addresses = this.dialog.getByLabel('Addresses, one per line')
    this.tags = this.dialog.getByLabel(/^Tags/)
    this.linkRecord = page.getByTestId('link-record')
    this.versionBanner = page.getByTestId('version-banner')
  }

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Add from the web' }).click()
    await expect(this.dialog).toBeVisible()
  }

  async importUrls(urls: string[], tags = ''): Promise<void> {
    await this.open()
    await this.addresses.fill(urls.join('\n'))
    if (tags) await this.tags.fill(tags)
    await this.dialog.getByRole('button', { name: /^Import/ }).click()
    await expect(this.dialog).toBeHidden()
  }

  get fetchNow(): Locator {
    return this.linkRecord.getByRole('button', { name: /Fetch the text now|Fetching/ })
  }

  get versionsButton(): Locator {
    return this.page
      .getByRole('toolbar', { name: 'Article actions' })
      .getByRole('button', { name: /^Versions/ })
  }

  versionItem(name: RegExp | string): Locator {
    return this.page.getByRole('menu', { name: 'Versions' }).getByRole('menuitemradio', { name })
  }
}
