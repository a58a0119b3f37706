// A second launch of Quire asks the first one to show its window. Listened for from the first
// line of main, before the archive opens: a launch during a slow open (a big archive being
// checked) is remembered and answered once the window exists, instead of being dropped.
import type { App } from 'electron'

export class SecondInstance {
  #show: (() => void) | null = null
  #waiting = false

  constructor(app: Pick<App, 'on'>) {
    app.on('second-instance', () => {
      if (this.#show) this.#show()
      else this.#waiting = true
    })
  }

  /** From now on a second launch calls `show`; one that came earlier is answered now. */
  ready(show: () => void): void {
    this.#show = show
    if (this.#waiting) {
      this.#waiting = false
      show()
    }
  }
}
