// Two real Syncthing instances for the sync e2e test, on 127.0.0.1 only: each has its own
// home, listens on a fixed local port, knows the other by its static address, and shares
// one folder with it. Discovery, relays, NAT traversal, usage reporting, crash reporting and
// upgrades are off, so nothing leaves the machine.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'

export const FOLDER_ID = 'quire-archive'

/** Why the Syncthing test cannot run here, or null when it can. */
export function syncthingMissing(): string | null {
  const r = spawnSync('syncthing', ['--version'], { encoding: 'utf8' })
  if (r.error || r.status !== 0) {
    return 'syncthing is not installed (Debian: apt-get install syncthing); the two-device sync test needs two real instances'
  }
  return null
}

/** A port free right now on 127.0.0.1 (the OS picks it; Syncthing is then told it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address()
      const port = typeof addr === 'object' && addr ? addr.port : 0
      srv.close(() => resolve(port))
    })
  })
}

export interface SyncthingSetup {
  name: string
  home: string
  /** The shared folder (the archive). */
  folder: string
  listenPort: number
  guiPort: number
}

export interface Syncthing extends SyncthingSetup {
  deviceId: string
  apiKey: string
  /** GET or POST the REST API; resolves with the parsed JSON (or null for an empty body). */
  rest(path: string, method?: 'GET' | 'POST'): Promise<unknown>
  stop(): Promise<void>
  log(): string
}

/** `syncthing generate` a home (keys and a device id); the config is written by `start`. */
export async function generate(setup: SyncthingSetup): Promise<string> {
  await mkdir(setup.home, { recursive: true })
  const r = spawnSync(
    'syncthing',
    ['generate', '--home', setup.home, '--no-default-folder', '--skip-port-probing'],
    { encoding: 'utf8' },
  )
  if (r.status !== 0) throw new Error(`syncthing generate failed:\n${r.stdout}${r.stderr}`)
  const id = /<device id="([A-Z0-9-]{50,})"/.exec(
    await readFile(join(setup.home, 'config.xml'), 'utf8'),
  )?.[1]
  if (!id) throw new Error(`no device id in ${setup.home}/config.xml`)
  return id
}

function configXml(
  self: SyncthingSetup & { deviceId: string; apiKey: string },
  peer: SyncthingSetup & { deviceId: string },
): string {
  const device = (id: string, name: string, address: string) =>
    `  <device id="${id}" name="${name}" compression="metadata" introducer="false">\n` +
    `    <address>${address}</address>\n    <autoAcceptFolders>false</autoAcceptFolders>\n  </device>`
  // A short rescan and the file watcher with a one-second delay: changes travel in seconds.
  return `<configuration version="36">
  <folder id="${FOLDER_ID}" label="Quire archive" path="${self.folder}" type="sendreceive"
      rescanIntervalS="5" fsWatcherEnabled="true" fsWatcherDelayS="1" ignorePerms="false"
      autoNormalize="true">
    <filesystemType>basic</filesystemType>
    <device id="${self.deviceId}"></device>
    <device id="${peer.deviceId}"></device>
    <minDiskFree unit="%">0</minDiskFree>
    <maxConflicts>10</maxConflicts>
  </folder>
${device(self.deviceId, self.name, 'dynamic')}
${device(peer.deviceId, peer.name, `tcp://127.0.0.1:${peer.listenPort}`)}
  <gui enabled="true" tls="false" debugging="false">
    <address>127.0.0.1:${self.guiPort}</address>
    <apikey>${self.apiKey}</apikey>
    <theme>default</theme>
  </gui>
  <options>
    <listenAddress>tcp://127.0.0.1:${self.listenPort}</listenAddress>
    <globalAnnounceEnabled>false</globalAnnounceEnabled>
    <localAnnounceEnabled>false</localAnnounceEnabled>
    <relaysEnabled>false</relaysEnabled>
    <natEnabled>false</natEnabled>
    <urAccepted>-1</urAccepted>
    <urSeen>3</urSeen>
    <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
    <startBrowser>false</startBrowser>
    <crashReportingEnabled>false</crashReportingEnabled>
    <announceLANAddresses>false</announceLANAddresses>
    <minHomeDiskFree unit="%">0</minHomeDiskFree>
    <setLowPriority>false</setLowPriority>
  </options>
</configuration>
`
}

/** Write this instance's config (knowing its peer) and run it until `stop`. */
export async function start(
  self: SyncthingSetup & { deviceId: string },
  peer: SyncthingSetup & { deviceId: string },
): Promise<Syncthing> {
  const apiKey = randomBytes(16).toString('hex')
  await mkdir(join(self.folder, '.stfolder'), { recursive: true })
  await writeFile(join(self.home, 'config.xml'), configXml({ ...self, apiKey }, peer))
  const child: ChildProcess = spawn(
    'syncthing',
    ['serve', '--home', self.home, '--no-browser', '--no-restart', '--no-upgrade'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, STNOUPGRADE: '1', STNORESTART: '1', STNODEFAULTFOLDER: '1' },
    },
  )
  let output = ''
  child.stdout?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-20_000)))
  child.stderr?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-20_000)))
  const base = `http://127.0.0.1:${self.guiPort}`
  const rest = async (path: string, method: 'GET' | 'POST' = 'GET'): Promise<unknown> => {
    const res = await fetch(base + path, { method, headers: { 'X-API-Key': apiKey } })
    if (!res.ok) throw new Error(`${self.name}: ${method} ${path} → ${res.status}`)
    const text = await res.text()
    return text ? JSON.parse(text) : null
  }
  const instance: Syncthing = {
    ...self,
    apiKey,
    rest,
    log: () => output,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
      await exited
      clearTimeout(timer)
    },
  }
  // Up once the REST API answers (a loaded machine can take a while).
  const deadline = Date.now() + 60_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${self.name}: syncthing exited:\n${output}`)
    try {
      await rest('/rest/system/ping')
      return instance
    } catch (err) {
      if (Date.now() > deadline) {
        await instance.stop()
        throw new Error(`${self.name}: syncthing's API did not answer\n${output}`, { cause: err })
      }
      await new Promise((r) => setTimeout(r, 500))
    }
  }
}

/** True when this instance holds everything and the peer has everything it announced. */
export async function inStep(a: Syncthing, b: Syncthing): Promise<boolean> {
  const status = (await a.rest(`/rest/db/status?folder=${FOLDER_ID}`)) as {
    state: string
    needTotalItems: number
  }
  if (status.state !== 'idle' || status.needTotalItems !== 0) return false
  const completion = (await a.rest(
    `/rest/db/completion?folder=${FOLDER_ID}&device=${b.deviceId}`,
  )) as { completion: number; needItems: number }
  return completion.completion === 100 && completion.needItems === 0
}

export async function connected(a: Syncthing, b: Syncthing): Promise<boolean> {
  const c = (await a.rest('/rest/system/connections')) as {
    connections: Record<string, { connected: boolean; paused: boolean }>
  }
  const peer = c.connections[b.deviceId]
  return !!peer?.connected && !peer.paused
}
