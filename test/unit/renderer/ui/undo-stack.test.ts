import { describe, expect, it } from 'vitest'
import { UndoStack, type Undoable } from '../../../../renderer/src/ui/undo-stack.ts'

const item = (message: string, log: string[] = []): Undoable => ({
  message,
  undo: async () => void log.push(message),
})

describe('UndoStack', () => {
  it('orders entries by when their action started, not when it finished', () => {
    const stack = new UndoStack()
    const tag = stack.nextOrder()
    const trash = stack.nextOrder()
    // The delete finishes first, the slow bulk tag after it.
    stack.push(trash, item('trash'))
    stack.push(tag, item('tag'))
    expect(stack.latest()).toBe(trash)
    expect(stack.take(trash)?.message).toBe('trash')
    expect(stack.latest()).toBe(tag)
  })

  it('gives each entry once and forgets the oldest past its limit', () => {
    const stack = new UndoStack(2)
    const orders = [stack.nextOrder(), stack.nextOrder(), stack.nextOrder()]
    orders.forEach((o, i) => stack.push(o, item(`a${i}`)))
    expect(stack.size).toBe(2)
    expect(stack.has(orders[0]!)).toBe(false)
    expect(stack.take(orders[1]!)?.message).toBe('a1')
    expect(stack.take(orders[1]!)).toBeUndefined()
    expect(stack.latest()).toBe(orders[2])
  })

  it('runs undos one at a time, in the order asked, even when one fails', async () => {
    const stack = new UndoStack()
    const log: string[] = []
    let release!: () => void
    const slow = new Promise<void>((r) => (release = r))
    const first = stack.serial(async () => {
      await slow
      log.push('first')
      throw new Error('refused')
    })
    const second = stack.serial(async () => void log.push('second'))
    release()
    await expect(first).rejects.toThrow('refused')
    await second
    expect(log).toEqual(['first', 'second'])
  })
})
