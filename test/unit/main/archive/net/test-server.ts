// A real HTTP server on 127.0.0.1 (port 0) for the fetch tests: routes are plain handlers.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export type Route = (req: IncomingMessage, res: ServerResponse) => void

export interface TestServer {
  url: (path: string) => string
  port: number
  /** Requests seen, as "METHOD path". */
  seen: IncomingMessage[]
  close: () => Promise<void>
}

export async function startServer(routes: Record<string, Route>): Promise<TestServer> {
  const seen: IncomingMessage[] = []
  const server: Server = createServer((req, res) => {
    seen.push(req)
    const route = routes[new URL(req.url ?? '/', 'http://x').pathname]
    if (route) route(req, res)
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('no such page')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    port,
    seen,
    url: (path) => `http://127.0.0.1:${port}${path}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** A port nothing listens on: bound, then released. */
export async function closedPort(): Promise<number> {
  const s = await startServer({})
  await s.close()
  return s.port
}
