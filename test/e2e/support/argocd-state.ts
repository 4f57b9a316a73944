/**
 * The root Application's part, played by the tests, and reading back what Argo CD made.
 *
 * `syncRoot` does what `infraforge-root-<env>` does with automated sync + prune: apply
 * `rendered/<env>/namespaces.yaml`, every `rendered/<env>/*\/applicationset.yaml` and
 * `*\/appproject.yaml`, and delete (foreground propagation, as Argo CD's prune does) the
 * ApplicationSets and AppProjects it applied before that are gone from the render.
 * Our own platform labels stand in for the root app's tracking label.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ARGOCD_NAMESPACE, type ControlPlane } from '../control-plane/index.js';
import { type Doc, renderedClaims } from './rendered.js';

export interface Live {
  metadata: {
    name: string;
    uid: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    finalizers?: string[];
    deletionTimestamp?: string;
    ownerReferences?: { apiVersion: string; kind: string; name: string; uid: string; controller?: boolean; blockOwnerDeletion?: boolean }[];
  };
  spec: Doc;
}

const ARGO = `/apis/argoproj.io/v1alpha1/namespaces/${ARGOCD_NAMESPACE}`;
type Plural = 'applications' | 'applicationsets' | 'appprojects';

/** name → object, for one Argo CD kind in the argocd namespace (optionally one environment's). */
export async function live(cp: ControlPlane, plural: Plural, env?: string): Promise<Map<string, Live>> {
  const selector = env ? `?labelSelector=${encodeURIComponent(`platform.infraforge.io/environment=${env}`)}` : '';
  const list = await cp.api<{ items: Live[] }>(`${ARGO}/${plural}${selector}`);
  return new Map((list?.items ?? []).map((o) => [o.metadata.name, o]));
}

export async function syncRoot(cp: ControlPlane, root: string, env: string): Promise<void> {
  const claims = renderedClaims(root).filter((c) => c.env === env);
  // The platform's tenant Namespaces first: the claims' Applications no longer create them.
  // Never pruned (Prune=false), as the root Application leaves them.
  const namespaces = path.join(root, 'rendered', env, 'namespaces.yaml');
  if (existsSync(namespaces)) await cp.apply(readFileSync(namespaces, 'utf8'));
  // AppProjects first, in their own apply, as Argo CD's sync orders kinds it does not know by
  // name (AppProject < ApplicationSet). The ApplicationSet controller reads the project from its
  // cache; a set it reconciles before the project reaches that cache gets a validation error and
  // is retried only after 3 minutes (ReconcileRequeueOnValidationError).
  for (const files of [claims.map((c) => c.appProjectFile), claims.map((c) => c.applicationSetFile)]) {
    if (files.length > 0) await cp.apply(files.map((f) => readFileSync(f, 'utf8')).join('---\n'));
  }
  const wanted = new Set(claims.map((c) => c.claim));
  for (const plural of ['applicationsets', 'appprojects'] as const) {
    for (const name of (await live(cp, plural, env)).keys()) {
      if (!wanted.has(name)) await cp.kubectl(['delete', plural, name, '-n', ARGOCD_NAMESPACE, '--cascade=foreground', '--wait=false']);
    }
  }
}

/** Application names Argo CD should have made for one rendered environment. */
export function expectedApplications(root: string, env: string): string[] {
  return renderedClaims(root)
    .filter((c) => c.env === env)
    .flatMap((c) => c.units.map((u) => u.release))
    .sort();
}

/** Waits until the Applications of `env` are exactly `names` (none half-deleted). */
export async function waitForApplications(cp: ControlPlane, env: string, names: string[], what: string): Promise<Map<string, Live>> {
  const want = [...names].sort();
  return cp.waitFor(async () => {
    const apps = await live(cp, 'applications', env);
    const have = [...apps.keys()].sort();
    const deleting = [...apps.values()].filter((a) => a.metadata.deletionTimestamp).map((a) => a.metadata.name);
    if (deleting.length === 0 && JSON.stringify(have) === JSON.stringify(want)) return apps;
    // Thrown, not returned: the timeout message then says what was there instead.
    throw new Error(`have ${JSON.stringify(have)}${deleting.length > 0 ? `, being deleted ${JSON.stringify(deleting)}` : ''}`);
  }, { what: `${what}: Applications ${JSON.stringify(want)}`, timeoutMs: 120_000 });
}
