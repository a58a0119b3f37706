// Page object for highlights and notes: the selection toolbar, the sidebar and the drawn
// highlights (CSS Custom Highlights, read back from CSS.highlights).
import type { Locator, Page } from '@playwright/test'

export class AnnotationsPanel {
  readonly page: Page
  readonly toggle: Locator
  readonly sidebar: Locator
  readonly items: Locator
  readonly orphaned: Locator
  readonly selectionBar: Locator

  constructor(page: Page) {
    this.page = page
    this.toggle = page.getByRole('button', { name: 'Highlights and notes' })
    this.sidebar = page.getByRole('complementary', { name: 'Highlights and notes' })
    this.items = this.sidebar.getByTestId('annotation')
    this.orphaned = this.sidebar.getByRole('region', { name: 'Orphaned' })
    this.selectionBar = page.getByRole('toolbar', { name: 'Highlight the selection' })
  }

  /**
   * Selects the body's text from character `from` of paragraph `a` to character `to` of
   * paragraph `b` (first text node of each), then lets go of the mouse as a person would.
   * A script string: this folder compiles without the DOM lib.
   */
  async select(a: number, from: number, b: number, to: number): Promise<void> {
    await this.page.evaluate(`(() => {
      const ps = document.querySelectorAll('[data-testid="reader-body"] p')
      const first = (p) => document.createTreeWalker(p, NodeFilter.SHOW_TEXT).nextNode()
      const range = document.createRange()
      range.setStart(first(ps[${a}]), ${from})
      range.setEnd(first(ps[${b}]), ${to})
      const sel = window.getSelection()
      sel.removeAllRanges()
      sel.addRange(range)
      ps[${b}].dispatchEvent(new MouseEvent('mouseup', { bubbles: true }))
    })()`)
  }

  /** How many colours have highlights drawn, and which. */
  async drawn(): Promise<string[]> {
    return this.page.evaluate(`[...CSS.highlights.keys()].sort()`)
  }

  colour(item: Locator, name: string): Locator {
    return item.getByRole('radio', { name, exact: true })
  }
}
