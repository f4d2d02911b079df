import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // A UI step may take a few seconds on a loaded CI machine; the harness allows 10 s per action likewise.
    expect: { poll: { timeout: 10_000 } },
    reporters: ['default', './test/reporters/summary-line.ts'],
  },
});
