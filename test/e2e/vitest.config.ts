import { defineConfig } from 'vitest/config';

// The e2e tests each start a whole control plane (etcd, kube-apiserver, Argo CD): one file at a
// time, generous timeouts, on a 2-core machine shared with other work.
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/e2e/**/*.e2e.test.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
