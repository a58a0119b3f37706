// Bundles the Electron main process (dist/main/app.cjs) and the sandboxed preload
// (dist/main/preload.cjs) with esbuild. Both are single CommonJS files: Electron loads the
// main entry with require(), and a sandboxed preload cannot require anything but 'electron'.
import { build } from 'esbuild'
import { rmSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = fileURLToPath(new URL('../..', import.meta.url))

/**
 * The preload needs only the contract's names. This plugin replaces main/app/contract-names.ts
 * in the preload bundle with the lists as literals, read from the contract now, so the preload
 * carries no zod and no schema (it was 766 KB with them).
 */
async function contractNamesPlugin() {
  const { OPS } = await import('../../shared/api.ts')
  const { EVENT_NAMES } = await import('../../shared/events.ts')
  const contents =
    `export const OP_NAMES = ${JSON.stringify(OPS)}\n` +
    `export const EVENT_NAME_LIST = ${JSON.stringify(EVENT_NAMES)}\n`
  return {
    name: 'quire-contract-names',
    setup(b) {
      b.onLoad({ filter: /[\\/]main[\\/]app[\\/]contract-names\.ts$/ }, () => ({
        contents,
        loader: 'js',
      }))
    },
  }
}

const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'cjs',
  external: ['electron'],
  sourcemap: 'linked',
  sourcesContent: false,
  legalComments: 'none',
  metafile: true,
  logLevel: 'silent',
}

const targets = [
  // Electron 45 runs Node 24 in the main process.
  {
    ...common,
    entryPoints: ['main/app/main.ts'],
    outfile: 'dist/main/app.cjs',
    platform: 'node',
    target: 'node24',
    // The archive's default index-worker location uses import.meta.url, which only the
    // unbundled (CLI, tests) code reaches; the app always passes the bundled worker's path.
    // A sentinel makes any other use fail loudly instead of resolving a wrong path.
    define: { 'import.meta.url': '"quire-bundle:import.meta.url"' },
  },
  // The search index worker (an Electron utility process): its own bundle next to app.cjs.
  {
    ...common,
    entryPoints: ['main/archive/search/index-worker.ts'],
    outfile: 'dist/main/index-worker.cjs',
    platform: 'node',
    target: 'node24',
  },
  await preloadTarget(),
  cliTarget(),
]

/**
 * The `quire` command (dist/cli/main.mjs, run by main/cli/bin.mjs): one ESM bundle instead of
 * hundreds of TypeScript modules stripped and resolved one by one at every start (1.4–2.8 s
 * for `quire list` against 0.09 s for `node -e 0`). Split so that a command loads only its
 * own chunks (serve, export, restore, feeds are imported when run), all in one folder (the
 * paths run-serve.ts and index-host.ts resolve from import.meta.url stay right), the worker
 * beside it, where index-host.ts looks for it.
 */
export function cliTarget() {
  return {
    ...common,
    entryPoints: {
      main: 'main/cli/main.ts',
      'index-worker': 'main/archive/search/index-worker.ts',
    },
    outdir: 'dist/cli',
    outExtension: { '.js': '.mjs' },
    format: 'esm',
    splitting: true,
    chunkNames: '[name]-[hash]',
    platform: 'node',
    target: 'node24',
    // CommonJS dependencies bundled into ESM call require() for Node's built-ins.
    banner: {
      js: "import { createRequire as __quireRequire } from 'node:module'; const require = __quireRequire(import.meta.url);",
    },
  }
}

/**
 * The preload's build options (exported for its size test). platform 'browser': a Node
 * built-in pulled into the preload fails the build instead of failing inside the sandbox.
 */
export async function preloadTarget() {
  return {
    ...common,
    entryPoints: ['main/app/preload.ts'],
    outfile: 'dist/main/preload.cjs',
    platform: 'browser',
    target: 'chrome130',
    plugins: [await contractNamesPlugin()],
  }
}

// Imported by a test for preloadTarget(): build only when run as a script.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await buildAll()

async function buildAll() {
  // The CLI's chunks have content hashes in their names: clear out the last build's.
  rmSync(new URL('../../dist/cli', import.meta.url), { recursive: true, force: true })
  try {
    const results = await Promise.all(targets.map((t) => build(t)))
    for (const [i, result] of results.entries()) {
      // import.meta is empty in CommonJS: a use of it would resolve paths wrongly at runtime.
      const importMeta = result.warnings.filter((w) => w.id === 'empty-import-meta')
      if (importMeta.length > 0) {
        const where = importMeta.map((w) => `${w.location?.file}:${w.location?.line}`).join(', ')
        throw new Error(`import.meta is used in the ${targets[i].outfile} bundle (${where})`)
      }
      for (const w of result.warnings)
        console.warn(`warning: ${w.text} (${w.location?.file ?? '?'})`)
      const outputs = Object.entries(result.metafile.outputs).filter(([f]) => !f.endsWith('.map'))
      const [out, meta] = outputs[0]
      const more = outputs.length > 1 ? ` and ${outputs.length - 1} more files` : ''
      console.log(`built ${out} (${Math.round(meta.bytes / 1024)} KB)${more}`)
    }
  } catch (err) {
    const errors = err?.errors ?? []
    for (const e of errors)
      console.error(`error: ${e.text} (${e.location?.file ?? '?'}:${e.location?.line ?? '?'})`)
    if (errors.length === 0)
      console.error(`error: ${err instanceof Error ? err.message : String(err)}`)
    process.exitCode = 1
  }
}
