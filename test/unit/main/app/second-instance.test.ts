// A second launch during a slow start is remembered and answered once the window exists.
import { describe, expect, it, vi } from 'vitest'
import { SecondInstance } from '../../../../main/app/second-instance.ts'
import { FakeApp } from './stand-in/fake-app.ts'

describe('SecondInstance', () => {
  it('answers a launch that came before the window existed, and later ones at once', () => {
    const app = new FakeApp()
    const instance = new SecondInstance(app as never)
    app.emit('second-instance')
    const show = vi.fn()
    instance.ready(show)
    expect(show).toHaveBeenCalledTimes(1)
    app.emit('second-instance')
    expect(show).toHaveBeenCalledTimes(2)
  })

  it('shows nothing when nobody launched a second time', () => {
    const show = vi.fn()
    new SecondInstance(new FakeApp() as never).ready(show)
    expect(show).not.toHaveBeenCalled()
  })
})
