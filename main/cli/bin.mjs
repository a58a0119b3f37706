#!/usr/bin/env node
// The `quire` command installed by npm. Runs the bundle (dist/cli/main.mjs, built by
// `npm run build:main`: one file to load instead of hundreds of TypeScript modules); from a
// checkout without a build, the TypeScript sources, which Node 24 runs as they are.
import { existsSync } from 'node:fs'
import { enableCompileCache } from 'node:module'

// V8's compiled code for the bundle kept on disk (in the OS temp folder) between runs: a
// start then skips compiling the JavaScript it loads (~430 KB for `quire list`).
enableCompileCache()

const bundle = new URL('../../dist/cli/main.mjs', import.meta.url)
await import(existsSync(bundle) ? bundle.href : './main.ts')
