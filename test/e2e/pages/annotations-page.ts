// Page object for highlights and notes: the selection toolbar, the sidebar (with the article
// note and the orphans' repair) and the drawn highlights (read back from CSS.highlights).
import type { Locator, Page } from '@playwright/test'

export class AnnotationsPanel {
  readonly page: Page
  readonly toggle: Locator
  readonly sidebar: Locator
  readonly items: Locator
  readonly orphaned: Locator
  readonly selectionBar: Locator
  readonly noteToggle: Locator
  readonly articleNote: Locator

  constructor(page: Page) {
    this.page = page
    this.toggle = page.getByRole('button', { name: 'Highlights and notes' })
    this.sidebar = page.getByRole('complementary', { name: 'Highlights and notes' })
    this.items = this.sidebar.getByTestId('annotation')
    this.orphaned = this.sidebar.getByRole('region', { name: 'Orphaned' })
    this.selectionBar = page.getByRole('toolbar', { name: 'Highlight the selection' })
    this.noteToggle = page.getByRole('button', { name: 'Article note', exact: true })
    this.articleNote = this.sidebar.getByRole('region', { name: 'Article note' })
  }

  /**
   * Selects the body's text from the start of `from` to the end of `to` (first occurrences,
   * `to` searched after `from`), across whatever elements lie between, and lets go.
   */
  async selectText(from: string, to: string): Promise<void> {
    await this.page.evaluate(`((from, to) => {
      const body = document.querySelector('[data-testid="reader-body"]')
      const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT)
      const nodes = []
      let all = ''
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        nodes.push([n, all.length])
        all += n.data
      }
      const start = all.indexOf(from)
      const end = all.indexOf(to, start) + to.length
      if (start < 0 || end < to.length) throw new Error('text not found: ' + from + ' … ' + to)
      const at = (offset, isEnd) => {
        for (const [n, base] of nodes) {
          const inside = isEnd ? offset <= base + n.data.length : offset < base + n.data.length
          if (offset >= base && inside) return [n, offset - base]
        }
        throw new Error('offset out of range')
      }
      const range = document.createRange()
      range.setStart(...at(start, false))
      range.setEnd(...at(end, true))
      const sel = window.getSelection()
      sel.removeAllRanges()
      sel.addRange(range)
      // In view first, as a person's selection is: the toolbar floats over it.
      range.startContainer.parentElement.scrollIntoView({ block: 'center' })
      body.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }))
    })(${JSON.stringify(from)}, ${JSON.stringify(to)})`)
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

  /** How many colours have highlights drawn, and which (the brief jump flash left out). */
  async drawn(): Promise<string[]> {
    return this.page.evaluate(`[...CSS.highlights.keys()].filter((k) => k !== 'q-flash').sort()`)
  }

  /** Whether a highlight is flashing (just jumped to). */
  async flashing(): Promise<boolean> {
    return this.page.evaluate(`CSS.highlights.has('q-flash')`)
  }

  item(text: string): Locator {
    return this.items.filter({ hasText: text })
  }

  colour(item: Locator, name: string): Locator {
    return item.getByRole('radio', { name, exact: true })
  }
}
