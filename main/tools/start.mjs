// `npm start` (after the build): runs Quire in Electron when its binary is installed, and
// otherwise says so in one line and starts the browser shell on the same archive instead.
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)))
const electronDir = join(root, 'node_modules', 'electron')
const args = process.argv.slice(2)
/** Long enough for a real download, bounded for networks that swallow packets. */
const INSTALL_TIMEOUT_MS = 60_000

let binary = findElectronBinary()
if (!binary) {
  await tryInstallElectron()
  binary = findElectronBinary()
}
if (binary) {
  run(binary, [root, ...args], () => {
    console.log(`Electron could not be started (${binary}); starting the browser shell instead.`)
    startBrowserShell()
  })
} else {
  console.log(
    "Electron's binary is not installed here (no network to download it); starting the browser shell instead.",
  )
  startBrowserShell()
}

/**
 * The executable the electron package would run. Not `require('electron')`: that starts a
 * download when the binary is missing and throws when it fails.
 */
function findElectronBinary() {
  try {
    const name = readFileSync(join(electronDir, 'path.txt'), 'utf8').trim()
    const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(electronDir, 'dist')
    const file = join(distDir, name || 'electron')
    return name && existsSync(file) ? file : null
  } catch {
    return null
  }
}

/** One quiet attempt at the electron package's own installer; fails fast when offline. */
function tryInstallElectron() {
  const installer = join(electronDir, 'install.js')
  if (!existsSync(installer)) return Promise.resolve()
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [installer], { cwd: electronDir, stdio: 'ignore' })
    const slow = setTimeout(() => console.log("Downloading Electron's binary…"), 3_000)
    const limit = setTimeout(() => child.kill(), INSTALL_TIMEOUT_MS)
    const done = () => {
      clearTimeout(slow)
      clearTimeout(limit)
      resolve()
    }
    child.once('error', done)
    child.once('exit', done)
  })
}

function startBrowserShell() {
  run(process.execPath, [join(root, 'main', 'serve', 'main.ts'), ...args], () => {
    console.log('The browser shell could not be started either.')
    process.exitCode = 1
  })
}

/** Runs a child with our terminal, passes Ctrl+C on, and exits with its status. */
function run(command, commandArgs, onSpawnError) {
  const env = { ...process.env }
  // Set, it would make Electron behave as plain Node and ignore the app.
  delete env.ELECTRON_RUN_AS_NODE
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit', env })
  const forward = (signal) => {
    // Ctrl+C in a terminal already reaches the child (same process group); sending it again
    // would cut its clean shutdown short.
    if (signal === 'SIGINT' && process.stdin.isTTY) return
    if (child.exitCode === null && child.signalCode === null) child.kill(signal)
  }
  const signals = ['SIGINT', 'SIGTERM']
  for (const s of signals) process.on(s, forward)
  child.once('error', () => {
    for (const s of signals) process.off(s, forward)
    onSpawnError()
  })
  child.once('exit', (code, signal) => {
    for (const s of signals) process.off(s, forward)
    process.exitCode = code ?? (signal ? 1 : 0)
  })
}
