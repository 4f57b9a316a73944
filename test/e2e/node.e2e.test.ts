/**
 * The e2e node (./node) on its own: a Deployment of envapp (an image built here, pulled from a
 * loopback registry) becomes Ready pods, a Secret reaches the container as an env variable, and
 * a second app reaches the first by its Service name (CoreDNS → ClusterIP → kube-proxy → pod).
 * The loop (loop.e2e.test.ts) relies on all of this; here each piece fails on its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Registry, startRegistry } from '../support/registry.js';
import { type ControlPlane, startControlPlane } from './control-plane/index.js';
import { podsOf, waitForReadyPods, whatTheContainerSaw } from './loop/pods.js';
import { buildPrograms, envappImage, NUMERIC_USER, pauseImage, pushImage } from './node/images.js';
import { type Node, startNode } from './node/index.js';

const NS = 'node-e2e';
let cp: ControlPlane;
let node: Node;
let registry: Registry;
let image: string;

function app(name: string, env: { name: string; value?: string; valueFrom?: unknown }[]): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name}, namespace: ${NS} }
spec:
  replicas: 1
  selector: { matchLabels: { app.kubernetes.io/name: ${name} } }
  template:
    metadata: { labels: { app.kubernetes.io/name: ${name} } }
    spec:
      automountServiceAccountToken: false
      securityContext: { runAsNonRoot: true, seccompProfile: { type: RuntimeDefault } }
      containers:
        - name: app
          image: ${image}
          ports: [{ name: http, containerPort: 8080 }]
          env: ${JSON.stringify(env)}
          readinessProbe: { httpGet: { path: /readyz, port: 8080 }, periodSeconds: 1 }
          securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: [ALL] } }
---
apiVersion: v1
kind: Service
metadata: { name: ${name}, namespace: ${NS} }
spec:
  selector: { app.kubernetes.io/name: ${name} }
  ports: [{ name: http, port: 80, targetPort: 8080 }]
`;
}

beforeAll(async () => {
  registry = await startRegistry();
  const programs = buildPrograms();
  const sandboxImage = await pushImage(registry.host, 'infraforge/pause', '3', pauseImage(programs.pause));
  image = await pushImage(registry.host, 'infraforge/envapp', '1.0.0', envappImage(programs.envapp, 'numeric', '1.0.0'));
  cp = await startControlPlane({ argocd: false, workloads: true });
  node = await startNode(cp, { registryHost: registry.host, sandboxImage });
});

afterAll(async () => {
  await node?.stop();
  await cp?.stop();
  await registry?.stop();
});

describe('the e2e node', () => {
  it('runs a Deployment to Ready pods that see their Secret and reach another app by Service name', async () => {
    await cp.apply(`apiVersion: v1\nkind: Namespace\nmetadata: { name: ${NS} }\n---\napiVersion: v1\nkind: Secret\nmetadata: { name: db, namespace: ${NS} }\nstringData: { uri: "postgresql://u:p@db:5432/x" }\n`);
    await cp.apply(app('first', [{ name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: 'db', key: 'uri' } } }]));
    await cp.apply(app('second', [{ name: 'PEER_URL', value: `http://first.${NS}/whoami` }]));
    const [first] = await waitForReadyPods(cp, NS, 'first', { image, replicas: 1, timeoutMs: 180_000 });
    const [second] = await waitForReadyPods(cp, NS, 'second', { image, replicas: 1, timeoutMs: 180_000 });
    const seenByFirst = await whatTheContainerSaw(first!, 8080);
    expect(seenByFirst.env.DATABASE_URL).toBe('postgresql://u:p@db:5432/x');
    expect(seenByFirst.uid).toBe(NUMERIC_USER);
    expect(seenByFirst.probes['/readyz']).toBeGreaterThan(0);
    const seenBySecond = await whatTheContainerSaw(second!, 8080);
    expect(seenBySecond.peer, JSON.stringify(seenBySecond.peer)).toMatchObject({ status: 200, body: first!.metadata.name });
    expect((await podsOf(cp, NS, 'first')).length).toBe(1);
  });
});
