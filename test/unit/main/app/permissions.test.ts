// Web permissions are denied by default; only clipboard writes from our own pages pass.
import { describe, expect, it, vi } from 'vitest'
import { isPermissionAllowed, restrictPermissions } from '../../../../main/app/permissions.ts'

describe('permissions', () => {
  it('denies camera, location, notifications and the rest', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'openExternal', 'hid', 'unknown']) {
      expect(isPermissionAllowed(p, 'app://quire/index.html')).toBe(false)
    }
  })

  it('allows clipboard writes only from the app origin', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://quire/index.html')).toBe(true)
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://quire')).toBe(true)
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://evil.example/')).toBe(false)
  })

  it('installs request and check handlers that answer accordingly', () => {
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() }
    restrictPermissions(session as never)
    const request = session.setPermissionRequestHandler.mock.calls[0]?.[0] as (
      ...args: unknown[]
    ) => void
    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0] as (
      ...args: unknown[]
    ) => boolean
    const callback = vi.fn()
    request({}, 'geolocation', callback, { requestingUrl: 'app://quire/index.html' })
    expect(callback).toHaveBeenCalledWith(false)
    expect(check(null, 'media', 'app://quire')).toBe(false)
    expect(check(null, 'clipboard-sanitized-write', 'app://quire')).toBe(true)
  })
})
