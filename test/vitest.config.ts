import { availableParallelism, loadavg } from 'node:os';
import { defineConfig } from 'vitest/config';

// Other work on the same cores slows every test alike: the default budget grows with how
// oversubscribed the machine is when the run starts (the 1-minute load average per core,
// measured, capped at 5×). Tests with known heavy work measure their own (test/support/budget.ts).
const oversubscribed = Math.min(5, Math.max(1, loadavg()[0]! / availableParallelism()));
const BUDGET = Math.round(60_000 * oversubscribed);

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['test/**/*.test.ts'],
    // test/e2e has its own config and command (npm run e2e): it needs a built control plane.
    exclude: ['test/e2e/**', '**/node_modules/**'],
    testTimeout: BUDGET,
    hookTimeout: BUDGET,
    // Integration tests start registries and git remotes; two cores, so keep it modest.
    maxWorkers: 2,
  },
});
