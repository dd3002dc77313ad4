import { defineConfig } from 'vitest/config'

// The same suites run twice (see package.json "test"): ORBIT_TEST_DB=sqlite, then =mongodb (FerretDB).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 2,
  },
})
