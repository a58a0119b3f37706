import { describe, expect, it } from 'vitest'
import { isInView } from '../../../../renderer/src/library/in-view.ts'

const fresh = { archivedAt: null, deletedAt: null, favorite: false }
const archived = { ...fresh, archivedAt: '2024-01-01T00:00:00Z' }
const starred = { ...fresh, favorite: true }
const trashed = { ...starred, deletedAt: '2024-01-02T00:00:00Z' }

describe('isInView', () => {
  it('puts new articles in the Inbox and All, archived ones in Archived and All', () => {
    expect(isInView(fresh, 'inbox')).toBe(true)
    expect(isInView(fresh, 'all')).toBe(true)
    expect(isInView(fresh, 'archived')).toBe(false)
    expect(isInView(archived, 'inbox')).toBe(false)
    expect(isInView(archived, 'archived')).toBe(true)
    expect(isInView(archived, 'all')).toBe(true)
  })

  it('shows favourites only under Favourites, and trashed articles only in the Trash', () => {
    expect(isInView(starred, 'favorites')).toBe(true)
    expect(isInView(fresh, 'favorites')).toBe(false)
    expect(isInView(trashed, 'favorites')).toBe(false)
    expect(isInView(trashed, 'all')).toBe(false)
    expect(isInView(trashed, 'trash')).toBe(true)
    expect(isInView(fresh, 'trash')).toBe(false)
  })
})
