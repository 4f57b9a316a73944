/**
 * The pods the loop's node runs, read through the API server, and what their containers saw,
 * asked of the container itself (envapp's GET /env on the pod IP, which the node's bridge
 * makes reachable from this host).
 */
import type { ControlPlane } from '../control-plane/index.js';

export interface Pod {
  metadata: { name: string; uid: string; creationTimestamp: string; deletionTimestamp?: string; labels?: Record<string, string> };
  spec: { containers: { image: string }[] };
  status?: {
    phase?: string;
    podIP?: string;
    conditions?: { type: string; status: string; lastTransitionTime?: string }[];
    containerStatuses?: { ready: boolean; image: string; restartCount: number; state?: Record<string, { reason?: string; message?: string; startedAt?: string }> }[];
  };
}

/** What envapp answers on /env (test/e2e/node/apps/envapp). */
export interface ContainerView {
  uid: number;
  gid: number;
  user: string;
  hostname: string;
  env: Record<string, string>;
  probes: Record<string, number>;
  peer?: { url: string; status?: number; body?: string; error?: string };
}

export async function podsOf(cp: ControlPlane, namespace: string, deployment: string): Promise<Pod[]> {
  const selector = encodeURIComponent(`app.kubernetes.io/name=${deployment}`);
  const list = await cp.api<{ items: Pod[] }>(`/api/v1/namespaces/${namespace}/pods?labelSelector=${selector}`);
  return (list?.items ?? []).filter((p) => !p.metadata.deletionTimestamp);
}

export const isReady = (pod: Pod) => pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;

/**
 * Waits until the Deployment's pods are exactly `replicas` Ready pods running `image`, none
 * terminating (the rollout has finished); returns them.
 */
export async function waitForReadyPods(cp: ControlPlane, namespace: string, deployment: string, want: { image: string; replicas: number; timeoutMs: number }): Promise<Pod[]> {
  return cp.waitFor(
    async () => {
      const all = (await cp.api<{ items: Pod[] }>(`/api/v1/namespaces/${namespace}/pods?labelSelector=${encodeURIComponent(`app.kubernetes.io/name=${deployment}`)}`))?.items ?? [];
      const done = all.length === want.replicas && all.every((p) => !p.metadata.deletionTimestamp && isReady(p) && p.spec.containers[0]?.image === want.image);
      return done ? all : undefined;
    },
    { timeoutMs: want.timeoutMs, intervalMs: 500, what: `${want.replicas} Ready pods of ${namespace}/${deployment} running ${want.image} — now ${await describePods(cp, namespace, deployment)}` },
  );
}

/** One line per pod: phase, readiness, image and why a container is waiting. */
export async function describePods(cp: ControlPlane, namespace: string, deployment: string): Promise<string> {
  const pods = await podsOf(cp, namespace, deployment).catch(() => []);
  if (pods.length === 0) return 'no pods';
  return pods
    .map((p) => {
      const waiting = p.status?.containerStatuses?.map((s) => s.state?.waiting).find(Boolean);
      return `${p.metadata.name} ${p.status?.phase ?? '?'}${isReady(p) ? ' Ready' : ''} ${p.spec.containers[0]?.image}${waiting ? ` (${waiting.reason}: ${waiting.message ?? ''})` : ''}`;
    })
    .join('; ');
}

/** The moment the pod's Ready condition last became True (ms since the epoch). */
export function readySince(pod: Pod): number {
  const at = pod.status?.conditions?.find((c) => c.type === 'Ready')?.lastTransitionTime;
  return at ? Date.parse(at) : Number.NaN;
}

export async function whatTheContainerSaw(pod: Pod, port: number): Promise<ContainerView> {
  const res = await fetch(`http://${pod.status!.podIP}:${port}/env`, { signal: AbortSignal.timeout(15_000) });
  if (!res.ok) throw new Error(`GET /env of pod ${pod.metadata.name}: ${res.status}`);
  return (await res.json()) as ContainerView;
}
