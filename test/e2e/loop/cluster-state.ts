/**
 * Reading the cluster the loop deploys to, through the API server only: objects by kind and name,
 * a resourceVersion snapshot to prove what did NOT change, the refresh a git webhook would
 * trigger, and "this Application is synced at that commit".
 */
import { ARGOCD_NAMESPACE, type ControlPlane } from '../control-plane/index.js';

/** API paths of the kinds the common chart makes, plus the ones the loop asserts on. */
export const KINDS = {
  Deployment: 'apis/apps/v1',
  StatefulSet: 'apis/apps/v1',
  Service: 'api/v1',
  ServiceAccount: 'api/v1',
  HorizontalPodAutoscaler: 'apis/autoscaling/v2',
  PodDisruptionBudget: 'apis/policy/v1',
  Cluster: 'apis/postgresql.cnpg.io/v1',
} as const;
export type Kind = keyof typeof KINDS;
const PLURAL: Record<Kind, string> = {
  Deployment: 'deployments',
  StatefulSet: 'statefulsets',
  Service: 'services',
  ServiceAccount: 'serviceaccounts',
  HorizontalPodAutoscaler: 'horizontalpodautoscalers',
  PodDisruptionBudget: 'poddisruptionbudgets',
  Cluster: 'clusters',
};

export interface KubeObject {
  metadata: { name: string; uid: string; resourceVersion: string; labels?: Record<string, string>; annotations?: Record<string, string>; deletionTimestamp?: string };
  spec?: any;
  status?: any;
}

export async function getObject(cp: ControlPlane, kind: Kind, namespace: string, name: string): Promise<KubeObject | undefined> {
  return cp.api<KubeObject>(`/${KINDS[kind]}/namespaces/${namespace}/${PLURAL[kind]}/${name}`);
}

export async function listObjects(cp: ControlPlane, kind: Kind, namespace: string): Promise<KubeObject[]> {
  return (await cp.api<{ items: KubeObject[] }>(`/${KINDS[kind]}/namespaces/${namespace}/${PLURAL[kind]}`))?.items ?? [];
}

/** `Kind/name` → resourceVersion of every object of KINDS in the namespace (the default ServiceAccount aside). */
export async function snapshot(cp: ControlPlane, namespace: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const kind of Object.keys(KINDS) as Kind[]) {
    for (const o of await listObjects(cp, kind, namespace)) {
      if (kind === 'ServiceAccount' && o.metadata.name === 'default') continue;
      out[`${kind}/${o.metadata.name}`] = o.metadata.resourceVersion;
    }
  }
  return out;
}

/** One line per object: `Kind/name`, for the story log. */
export async function inventory(cp: ControlPlane, namespace: string): Promise<string[]> {
  return Object.keys(await snapshot(cp, namespace)).sort();
}

export interface Application {
  metadata: { name: string; uid: string; finalizers?: string[]; deletionTimestamp?: string; labels?: Record<string, string> };
  spec: { project: string; sources?: { repoURL: string; chart?: string; targetRevision: string; ref?: string }[] };
  status?: {
    sync?: { status?: string; revision?: string; revisions?: string[] };
    operationState?: { phase?: string; message?: string; syncResult?: { revision?: string; revisions?: string[] } };
    conditions?: { type: string; message: string }[];
  };
}

const ARGO = `/apis/argoproj.io/v1alpha1/namespaces/${ARGOCD_NAMESPACE}`;

export async function applications(cp: ControlPlane): Promise<Map<string, Application>> {
  const list = await cp.api<{ items: Application[] }>(`${ARGO}/applications`);
  return new Map((list?.items ?? []).map((a) => [a.metadata.name, a]));
}

export async function argoObject(cp: ControlPlane, plural: 'applicationsets' | 'appprojects' | 'applications', name: string): Promise<Application | undefined> {
  return cp.api<Application>(`${ARGO}/${plural}/${name}`);
}

/** What a push webhook does in a real install: ask Argo CD to look at git again, now. */
export async function refreshAll(cp: ControlPlane): Promise<void> {
  await cp.kubectl(['annotate', 'applications', '--all', '-n', ARGOCD_NAMESPACE, 'argocd.argoproj.io/refresh=normal', '--overwrite']);
}

/**
 * Synced, with a finished sync, at git commit `sha` (multi-source: every source's revision is
 * listed; the git one must be `sha`) — and, when given, at chart version `chart`.
 */
export function syncedAt(app: Application | undefined, sha: string, chart?: string): boolean {
  const sync = app?.status?.sync;
  if (!sync || sync.status !== 'Synced') return false;
  const revisions = sync.revisions ?? (sync.revision ? [sync.revision] : []);
  if (!revisions.includes(sha)) return false;
  if (chart !== undefined && !revisions.includes(chart)) return false;
  const op = app!.status!.operationState;
  return !op || op.phase === 'Succeeded';
}

/** The reason an Application is not where we want it, for timeout messages. */
export function describeApplication(app: Application | undefined): string {
  if (!app) return 'absent';
  const s = app.status ?? {};
  return JSON.stringify({ sync: s.sync, operation: s.operationState && { phase: s.operationState.phase, message: s.operationState.message }, conditions: s.conditions });
}
