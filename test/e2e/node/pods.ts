/**
 * Reading what the e2e node runs, through the API server and the pods' own addresses: the pods
 * of a workload, whether they are Ready, a Deployment's rollout, and what a test app saw
 * (`echo`'s /env: its environment, UID and the kubelet's probe requests).
 */

export type Api = <T>(apiPath: string) => Promise<T | undefined>;

export interface Pod {
  metadata: { name: string; creationTimestamp: string; labels: Record<string, string>; ownerReferences?: { kind: string; name: string }[] };
  spec: any;
  status: {
    podIP?: string;
    phase?: string;
    conditions?: { type: string; status: string; lastTransitionTime?: string }[];
    containerStatuses?: { ready: boolean; restartCount: number; state: { running?: { startedAt: string } } }[];
  };
}

export interface ReplicaSet {
  metadata: { name: string; creationTimestamp: string; annotations?: Record<string, string>; ownerReferences?: { kind: string; name: string }[] };
  spec: { replicas: number };
  status: { replicas: number; readyReplicas?: number };
}

/** What `echo` answers on /env. */
export interface EchoSeen {
  env: Record<string, string>;
  uid: number;
  gid: number;
  hostname: string;
  probes: Record<string, number>;
}

export const podReady = (p: Pod): boolean => p.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') === true;

/** When the pod became Ready and when its first container started (ISO timestamps, whole seconds). */
export function readyTimes(p: Pod): { readyAt?: string; startedAt?: string } {
  return {
    readyAt: p.status.conditions?.find((c) => c.type === 'Ready' && c.status === 'True')?.lastTransitionTime,
    startedAt: p.status.containerStatuses?.[0]?.state.running?.startedAt,
  };
}

/** Pods matching a label selector (`key=value,…`). */
export async function podsMatching(api: Api, namespace: string, selector: string): Promise<Pod[]> {
  return (await api<{ items: Pod[] }>(`/api/v1/namespaces/${namespace}/pods?labelSelector=${encodeURIComponent(selector)}`))?.items ?? [];
}

/** The pods of the chart's workload `name` in Helm release `release` (a job's pods have their own name label). */
export const workloadPods = (api: Api, namespace: string, release: string, name: string): Promise<Pod[]> =>
  podsMatching(api, namespace, `app.kubernetes.io/instance=${release},app.kubernetes.io/name=${name}`);

/**
 * A Deployment fully rolled out: the controller saw its latest spec, every replica is updated,
 * Ready and available, and no pod of an older ReplicaSet is left. Returns the current
 * ReplicaSet, the older ones, and the current pods; undefined while rolling.
 */
export async function rolledOut(api: Api, namespace: string, name: string): Promise<{ current: ReplicaSet; older: ReplicaSet[]; pods: Pod[] } | undefined> {
  const d = await api<any>(`/apis/apps/v1/namespaces/${namespace}/deployments/${name}`);
  if (!d) return undefined;
  const want = d.spec.replicas as number;
  const s = d.status ?? {};
  if ((s.observedGeneration ?? 0) < d.metadata.generation || s.updatedReplicas !== want || s.readyReplicas !== want || s.availableReplicas !== want || s.replicas !== want) return undefined;
  const revision = d.metadata.annotations?.['deployment.kubernetes.io/revision'];
  const sets = ((await api<{ items: ReplicaSet[] }>(`/apis/apps/v1/namespaces/${namespace}/replicasets`))?.items ?? []).filter((rs) => rs.metadata.ownerReferences?.some((o) => o.kind === 'Deployment' && o.name === name));
  const current = sets.find((rs) => rs.metadata.annotations?.['deployment.kubernetes.io/revision'] === revision);
  if (!current) return undefined;
  const older = sets.filter((rs) => rs !== current);
  if (older.some((rs) => rs.status.replicas > 0)) return undefined;
  const pods = ((await api<{ items: Pod[] }>(`/api/v1/namespaces/${namespace}/pods`))?.items ?? []).filter((p) => p.metadata.ownerReferences?.some((o) => o.kind === 'ReplicaSet' && o.name === current.metadata.name));
  if (pods.length !== want || !pods.every(podReady)) return undefined;
  return { current, older, pods };
}

export async function getJson<T = any>(url: string): Promise<T> {
  const res = await fetch(url, { signal: AbortSignal.timeout(15_000) });
  if (!res.ok) throw new Error(`GET ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** What the `echo` container in `pod` saw, from its /env on `port`. */
export const echoSeen = (pod: Pod, port: number): Promise<EchoSeen> => getJson<EchoSeen>(`http://${pod.status.podIP}:${port}/env`);
