// What main asks the page to show: the desktop menu's screens (`ui:open`) and the browser
// extension's "Open in Quire" in the desktop app (`ui:openArticle`). Subscribed once; the
// latest handlers answer.
import { useEffect, useRef } from 'react'
import type { QuireClient } from '../../../shared/api.ts'
import type { EventPayload } from '../../../shared/events.ts'

type Screen = EventPayload<'ui:open'>['screen']

export type MainRequestHandlers = Record<Screen, () => void> & {
  article: (id: string) => void
}

export function useMainRequests(client: QuireClient, handlers: MainRequestHandlers): void {
  const latest = useRef(handlers)
  useEffect(() => {
    latest.current = handlers
  })
  useEffect(() => {
    const offScreen = client.on('ui:open', ({ screen }) => latest.current[screen]())
    const offArticle = client.on('ui:openArticle', ({ id }) => latest.current.article(id))
    return () => {
      offScreen()
      offArticle()
    }
  }, [client])
}
