#!/usr/bin/env node
// The `quire` command installed by npm; the CLI itself is TypeScript run by Node 24.
await import('./main.ts')
