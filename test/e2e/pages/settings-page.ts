// The Settings dialog: opened from the sidebar's gear or with Cmd/Ctrl+,.
import type { Locator, Page } from '@playwright/test'

export class SettingsPage {
  readonly page: Page
  readonly gear: Locator
  readonly dialog: Locator
  readonly done: Locator
  readonly changeArchive: Locator
  readonly archiveNote: Locator
  readonly archiveName: Locator

  constructor(page: Page) {
    this.page = page
    this.gear = page.getByRole('button', { name: 'Settings', exact: true })
    this.dialog = page.getByRole('dialog', { name: 'Settings' })
    this.done = this.dialog.getByRole('button', { name: 'Done' })
    this.changeArchive = this.dialog.getByRole('button', { name: 'Change…' })
    this.archiveNote = this.dialog.locator('.settings-note')
    this.archiveName = this.dialog.getByTestId('settings-archive-name')
  }

  /** A radio of a group: `group` is its legend (Font, Text width, Reader theme, App theme). */
  option(group: string, name: string): Locator {
    return this.dialog.getByRole('group', { name: group }).getByRole('radio', { name, exact: true })
  }

  get markReadAtEnd(): Locator {
    return this.dialog.getByRole('checkbox', { name: /Mark as read at the end/ })
  }

  /** Desktop app only. */
  get spellcheck(): Locator {
    return this.dialog.getByRole('checkbox', { name: 'Check spelling as you type' })
  }

  get textSize(): Locator {
    return this.dialog.getByRole('slider', { name: /Text size/ })
  }
}
