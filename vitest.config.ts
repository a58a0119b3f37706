// Unit tests: main and shared under Node (real files on disk, never lowdb's memory adapter).
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
    environment: 'node',
    // Generous: the suite must pass on a 2-core machine with both cores busy (`stress-ng
    // --cpu 2`), where one CLI spawn alone can take 5 s. No test asserts how fast it ran.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // One device for every test (store/device.ts): no test writes a device id to the home
    // folder, and paths under .local.nosync/ are known.
    env: { QUIRE_DEVICE_ID: 'test-device' },
    setupFiles: ['test/unit/helpers/load-linkedom.ts'],
  },
})
