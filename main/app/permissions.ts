// Web permission requests (camera, location, notifications…) are denied unless listed
// here, and then only for our own pages.
import type { Session } from 'electron'
import { isAppUrl } from './app-url.ts'

/** Copying quotes and citations to the clipboard is the only permission the app needs. */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write'])

export function isPermissionAllowed(permission: string, requestingUrl: string): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isAppUrl(requestingUrl)
}

/** Installs deny-by-default request and check handlers on a session. */
export function restrictPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl))
  })
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin),
  )
}
