/**
 * Tenant namespaces are platform objects. The claims' Applications may deploy into their
 * namespace but may not create, relabel or delete it: their AppProjects allow no cluster-scoped
 * kind. The root Application of each environment (project `infraforge-platform`) applies
 * `rendered/<env>/namespaces.yaml`, one Namespace per namespace the environment's claims use,
 * labelled for Pod Security Admission `restricted` (enforce, audit and warn, at a pinned
 * policy version) so the API server refuses a privileged pod even when a values file or a
 * hand-made Application got past the renderer.
 */
import type { LoadedClaim } from '../claims/types.js';
import { cmp } from '../errors.js';
import { toDnsLabel } from './names.js';
import type { RenderSettings } from '../settings/types.js';
import { claimNamespace, type Values } from './values.js';

/**
 * The Pod Security Standards version the labels pin: the Kubernetes version
 * infrastructure/aws runs (variable kubernetes_version), so a cluster upgrade does not
 * tighten or loosen the policy unannounced. test/integration/namespaces.test.ts keeps the two equal.
 */
export const POD_SECURITY_VERSION = 'v1.31';

export function podSecurityLabels(): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const mode of ['enforce', 'audit', 'warn']) {
    labels[`pod-security.kubernetes.io/${mode}`] = 'restricted';
    labels[`pod-security.kubernetes.io/${mode}-version`] = POD_SECURITY_VERSION;
  }
  return labels;
}

export function namespacesPath(env: string): string {
  return `rendered/${env}/namespaces.yaml`;
}

/**
 * The Namespaces of one environment's claims, sorted by name. Two claims of one team share
 * one; the first claim (by name) gives the team label. Removing the last claim of a namespace
 * must not delete it with the data the lifecycle keeps (operator CRs with Delete=false live
 * in it), so the root Application neither prunes it nor deletes it, and does not count it as
 * out of sync once it is gone from git.
 */
export function namespaceObjects(claims: readonly LoadedClaim[], settings: Pick<RenderSettings, 'tenancy'>): Values[] {
  const byName = new Map<string, LoadedClaim>();
  const sorted = [...claims].sort((a, b) => cmp(a.claim.metadata.name, b.claim.metadata.name));
  for (const c of sorted) {
    const name = claimNamespace(c.claim, settings);
    if (!byName.has(name)) byName.set(name, c);
  }
  return [...byName.keys()].sort(cmp).map((name) => {
    const { claim } = byName.get(name)!;
    return {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name,
        labels: {
          ...podSecurityLabels(),
          'platform.infraforge.io/environment': claim.spec.environment,
          'platform.infraforge.io/team': toDnsLabel(claim.spec.owner.team),
          'platform.infraforge.io/managed': 'true',
        },
        annotations: {
          'argocd.argoproj.io/sync-options': 'Prune=false,Delete=false',
          'argocd.argoproj.io/compare-options': 'IgnoreExtraneous',
        },
      },
    };
  });
}
