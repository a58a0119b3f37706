// Unit tests: main and shared under Node (real files on disk, never lowdb's memory adapter).
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 20_000,
    pool: 'forks',
    setupFiles: ['test/unit/helpers/load-linkedom.ts'],
  },
})
