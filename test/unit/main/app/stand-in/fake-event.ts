// The event object Electron passes to preventable events (app 'before-quit', 'will-quit',
// window 'close', webContents 'will-navigate'…).
export interface FakeEvent {
  defaultPrevented: boolean
  preventDefault(): void
}

export function fakeEvent(extra: Record<string, unknown> = {}): FakeEvent {
  const event = {
    ...extra,
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true
    },
  }
  return event
}
