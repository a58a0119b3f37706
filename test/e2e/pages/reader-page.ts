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
  /** A book without its text: its highlights as a list, its bookmarks, or why there are none. */
  readonly bookHighlights: Locator
  readonly bookItems: Locator
  readonly bookmarks: Locator
  readonly bookEmpty: Locator

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
    this.bookHighlights = page.getByTestId('book-highlights')
    this.bookItems = this.bookHighlights.locator('.book-highlight')
    this.bookmarks = this.bookHighlights.locator('.book-bookmarks li')
    this.bookEmpty = page.locator('.book-empty')
  }

  action(
    name: 'Mark as read' | 'Mark as unread' | 'Favourite' | 'Archive' | 'Move to Trash' | 'Restore',
  ): Locator {
    return this.toolbar.getByRole('button', { name, exact: true })
  }
}

/** The few DOM members read here (this folder compiles without the DOM lib). */
interface Box {
  bottom: number
  top: number
}
interface ScrollElement {
  scrollTop: number
  clientHeight: number
  getBoundingClientRect(): Box
  querySelector(selector: string): ScrollElement | null
}

/** Reading settings and reading progress: the "Aa" popover and the reader's scroll position. */
export class ReadingControls {
  readonly page: Page
  readonly button: Locator
  readonly popover: Locator
  readonly stage: Locator
  readonly scroller: Locator
  readonly progressBar: Locator

  constructor(page: Page) {
    this.page = page
    this.button = page.getByRole('button', { name: 'Reading settings' })
    this.popover = page.getByRole('dialog', { name: 'Reading settings' })
    this.stage = page.locator('.reader-stage')
    this.scroller = page.locator('.reader-scroll')
    this.progressBar = page.getByRole('progressbar', { name: 'Reading progress' })
  }

  /** A radio in the popover: Serif, Sans, Mono, Narrow, Medium, Wide, Auto, Light, Sepia, Dark. */
  option(name: string): Locator {
    return this.popover.getByRole('radio', { name, exact: true })
  }

  control(name: 'Smaller text' | 'Larger text'): Locator {
    return this.popover.getByRole('button', { name })
  }

  /** Scrolls the reader so the article body is `fraction` read (the app's own measure). */
  async scrollTo(fraction: number): Promise<void> {
    await this.scroller.evaluate((node, f) => {
      const el = node as unknown as ScrollElement
      const body = el.querySelector('.reader-body')
      if (!body) throw new Error('no article body')
      const top = el.getBoundingClientRect().top - el.scrollTop
      const travel = body.getBoundingClientRect().bottom - top - el.clientHeight
      el.scrollTop = Math.round(f * travel)
    }, fraction)
  }

  /** How far the body is read, measured the way the app measures it. */
  async scrolled(): Promise<number> {
    return this.scroller.evaluate((node) => {
      const el = node as unknown as ScrollElement
      const body = el.querySelector('.reader-body')
      if (!body) return -1
      const top = el.getBoundingClientRect().top - el.scrollTop
      const travel = body.getBoundingClientRect().bottom - top - el.clientHeight
      return travel <= 0 ? 1 : Math.min(1, el.scrollTop / travel)
    })
  }
}
