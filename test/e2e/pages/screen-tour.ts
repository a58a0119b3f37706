// A walk through every screen of the app at the window size the page has: the library (and the
// sidebar's drawer where there is one), search and its help, the reader, its highlights panel
// and "More" menu, the notebook, and every dialog (edit details, export, settings, feeds, add from
// the web, tag manager, shortcuts) and the import summary. At each one it calls `visit` with the
// screen's name, then closes what it opened and goes on. It goes the way a person would at that
// size (through the drawer and the More menu when the layout has them) and waits for each
// screen's own content, never for time.
import { expect, type Locator, type Page } from '@playwright/test'
import { LINK_TITLE, type LayoutArchive } from '../layout-archive.ts'
import { WIRE_STORY } from '../story.ts'

export type Visit = (screen: string) => Promise<void>

/** Generous: the machines that run this are busy. */
const WAIT = { timeout: 15_000 }

export class ScreenTour {
  readonly page: Page
  readonly archive: LayoutArchive

  constructor(page: Page, archive: LayoutArchive) {
    this.page = page
    this.archive = archive
  }

  dialog(name: string): Locator {
    return this.page.getByRole('dialog', { name, exact: true })
  }

  get drawerButton(): Locator {
    return this.page.getByRole('button', { name: 'Show the sidebar' })
  }

  get sidebar(): Locator {
    return this.page.getByRole('navigation', { name: 'Library' })
  }

  get list(): Locator {
    return this.page.getByRole('region', { name: 'Articles' }).getByRole('listbox')
  }

  get toolbar(): Locator {
    return this.page.getByRole('toolbar', { name: 'Article actions' })
  }

  get moreButton(): Locator {
    return this.toolbar.getByRole('button', { name: 'More actions' })
  }

  /** Keys go to the app, not to a box that had focus. */
  async press(key: string): Promise<void> {
    await this.page.evaluate('document.activeElement && document.activeElement.blur()')
    await this.page.keyboard.press(key)
  }

  /** Closes the top dialog with Escape and waits until it is gone. */
  async escape(what: Locator): Promise<void> {
    await this.page.keyboard.press('Escape')
    await expect(what).toBeHidden(WAIT)
  }

  /** The sidebar, opening the drawer first in a narrow window; true when it was a drawer. */
  async showSidebar(): Promise<boolean> {
    if (await this.drawerButton.isVisible()) {
      await this.drawerButton.click()
      await expect(this.dialog('Sidebar')).toBeVisible(WAIT)
      return true
    }
    await expect(this.sidebar).toBeVisible(WAIT)
    return false
  }

  /** A reader action, from the toolbar or, in a narrow reader, its More menu. */
  async readerAction(button: string, menuItem: string): Promise<void> {
    const direct = this.toolbar.getByRole('button', { name: button, exact: true })
    if (await direct.isVisible()) return direct.click()
    await this.moreButton.click()
    await this.page.getByRole('menuitem', { name: menuItem }).click()
  }

  async run(visit: Visit): Promise<void> {
    const { page } = this
    const response = await page.goto(this.archive.url)
    expect(response?.ok(), 'the browser shell serves the app').toBe(true)
    await expect(page.getByTestId('library-count')).toHaveText(/\d+ articles/, WAIT)
    await expect(this.list.getByRole('option', { name: new RegExp(LINK_TITLE) })).toBeVisible()
    await visit('library')

    if (await this.showSidebar()) {
      await visit('sidebar-drawer')
      await this.escape(this.dialog('Sidebar'))
    }

    const box = page.getByRole('combobox', { name: 'Search the library' })
    await box.fill('harbour OR ferry words:>100')
    await expect(page.getByTestId('library-count')).toHaveText(/\d+ results?/, WAIT)
    await visit('search')
    await page.getByRole('button', { name: 'Search syntax help' }).click()
    await expect(page.getByRole('dialog', { name: 'Search syntax' })).toBeVisible(WAIT)
    await visit('search-help')
    await this.escape(page.getByRole('dialog', { name: 'Search syntax' }))
    await box.fill('')
    await expect(page.getByTestId('library-count')).toHaveText(/\d+ articles/, WAIT)

    await this.list.getByRole('option', { name: new RegExp(WIRE_STORY.title) }).click()
    await expect(page.locator('#reader-title')).toHaveText(WIRE_STORY.title, WAIT)
    await expect(page.getByTestId('reader-body')).toBeVisible(WAIT)
    await visit('reader')

    const notes = page.getByRole('button', { name: 'Highlights and notes' })
    const panel = page.getByRole('complementary', { name: 'Highlights and notes' })
    await notes.click()
    await expect(panel.getByTestId('annotation')).toHaveCount(3, WAIT)
    await visit('reader-notes')
    await notes.click()
    await expect(panel).toBeHidden(WAIT)

    if (await this.moreButton.isVisible()) {
      await this.moreButton.click()
      await expect(page.getByRole('menu', { name: 'More actions' })).toBeVisible(WAIT)
      await visit('reader-more-menu')
      await this.escape(page.getByRole('menu', { name: 'More actions' }))
    }

    await this.readerAction('Edit details', 'Edit details…')
    await expect(this.dialog('Edit details')).toBeVisible(WAIT)
    await visit('details')
    await this.escape(this.dialog('Edit details'))

    await this.readerAction('Export', 'Export…')
    const exporting = this.dialog('Export')
    await expect(exporting.getByTestId('export-preview')).toContainText(WIRE_STORY.title, WAIT)
    await visit('export')
    await this.escape(exporting)

    // Back to the list (in a narrow window the reader covered it), then the notebook.
    await this.press('Escape')
    await expect(this.list).toBeVisible(WAIT)
    await this.press('b')
    const notebook = page.getByRole('main', { name: 'Notebook' })
    await expect(notebook.getByTestId('notebook-item')).toHaveCount(4, WAIT)
    await visit('notebook')
    await this.press('Escape')
    await expect(notebook).toBeHidden(WAIT)

    await this.press('Control+Comma')
    await expect(this.dialog('Settings').getByTestId('settings-archive-location')).toHaveText(
      /Quire archive$/,
      WAIT,
    )
    await visit('settings')
    await this.escape(this.dialog('Settings'))

    await this.press('Shift+F')
    const subscriptions = this.dialog('Feeds').getByRole('list', { name: 'Subscriptions' })
    await expect(subscriptions.getByRole('listitem')).toHaveCount(1, WAIT)
    await visit('feeds')
    await this.escape(this.dialog('Feeds'))

    await this.press('w')
    await expect(this.dialog('Add from the web')).toBeVisible(WAIT)
    await visit('add-from-web')
    await this.escape(this.dialog('Add from the web'))

    const inDrawer = await this.showSidebar()
    await page.getByRole('button', { name: 'Manage tags' }).click()
    await expect(this.dialog('Manage tags').locator('[data-tag="travel"]')).toBeVisible(WAIT)
    await visit('tag-manager')
    await this.escape(this.dialog('Manage tags'))
    if (inDrawer) await this.escape(this.dialog('Sidebar'))

    await this.press('?')
    await expect(this.dialog('Keyboard shortcuts')).toBeVisible(WAIT)
    await visit('shortcuts')
    await this.escape(this.dialog('Keyboard shortcuts'))

    // An import that refuses one file and finds the other already in the archive.
    await page
      .locator('input[type="file"]')
      .first()
      .setInputFiles([this.archive.refusedFile, this.archive.duplicateFile])
    const summary = page.getByTestId('import-summary')
    await expect(summary).toBeVisible(WAIT)
    await visit('import-summary')
  }
}
