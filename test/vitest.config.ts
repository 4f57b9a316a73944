import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['test/**/*.test.ts'],
    // test/e2e has its own config and command (npm run e2e): it needs a built control plane.
    exclude: ['test/e2e/**', '**/node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Integration tests start registries and git remotes; two cores, so keep it modest.
    maxWorkers: 2,
  },
});
