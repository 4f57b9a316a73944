/** Settings for pure render tests: what resolve.ts would give for a repository owned by acme. */
import type { RenderSettings } from '../../src/settings/types.js';

export const TEST_SETTINGS: RenderSettings = {
  gitRepoURL: 'https://github.com/acme/platform.git',
  targetRevision: 'HEAD',
  chart: { repository: 'oci://ghcr.io/acme/charts', name: 'common', version: '2.0.0' },
  image: { registry: 'ghcr.io', owner: 'acme' },
  argocd: { namespace: 'argocd', server: 'https://kubernetes.default.svc' },
  maxDeletedApps: 10,
  allowDeletions: false,
  profiles: {},
};
