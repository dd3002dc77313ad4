import { defineConfig } from 'vitest/config'

// One browser suite, run in order: each step builds on the previous one (admin creates a
// generator, a member deploys with it, another workspace must not see either).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    fileParallelism: false,
    sequence: { concurrent: false },
    testTimeout: 120_000,
    hookTimeout: 240_000,
  },
})
