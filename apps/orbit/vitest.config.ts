import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    // beforeAll may run `next build` when no build exists (about a minute on 2 cores).
    hookTimeout: 600_000,
    pool: 'forks',
    fileParallelism: false,
  },
})
