// Makes the one QuireClient available to every component.
import { createContext, useContext } from 'react'
import type { QuireClient } from '../../../shared/api.ts'

export const ClientContext = createContext<QuireClient | null>(null)

/** The app's client; throws when used outside the provider (a wiring mistake). */
export function useClient(): QuireClient {
  const client = useContext(ClientContext)
  if (!client) throw new Error('useClient needs a ClientContext provider')
  return client
}
