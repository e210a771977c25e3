import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/contract/**/*.test.ts'],
    // A guard against hangs, not a speed check: command-line tests start processes, slow on a loaded machine.
    testTimeout: 60_000,
  },
});
