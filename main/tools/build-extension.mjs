// Builds the browser capture extension (renderer/extension) into dist/extension: the folder
// to "Load unpacked" in Chromium (or load as a temporary add-on in Firefox). Each script is
// one self-contained file: a service worker, an injected script and the popup's.
import { build } from 'esbuild'
import { cp, mkdir, rm } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../..', import.meta.url))
const src = `${root}renderer/extension`
const out = `${root}dist/extension`

await rm(out, { recursive: true, force: true })
await mkdir(`${out}/icons`, { recursive: true })
try {
  await build({
    absWorkingDir: root,
    entryPoints: {
      background: `${src}/background.ts`,
      capture: `${src}/capture.ts`,
      popup: `${src}/popup.ts`,
    },
    outdir: out,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['chrome120', 'firefox121'],
    legalComments: 'none',
    logLevel: 'warning',
  })
} catch {
  process.exit(1)
}
for (const file of ['manifest.json', 'popup.html', 'popup.css'])
  await cp(`${src}/${file}`, `${out}/${file}`)
for (const size of [16, 32, 48, 128])
  await cp(`${root}build/icons/${size}x${size}.png`, `${out}/icons/${size}.png`)
console.log(`built ${out} (load it unpacked in the browser)`)
