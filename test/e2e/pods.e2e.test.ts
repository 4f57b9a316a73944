/**
 * Pods run (issue 23): a claim rendered by the real CLI, its Helm values templated by the real
 * chart and applied to a real API server, become pods a real kubelet starts (containerd, runc,
 * a CNI bridge, kube-proxy, Service names from our DNS responder; test/e2e/node/). Images are
 * ours, built from test/e2e/node/apps and pushed to a loopback registry.
 *
 * Asserted against what the containers saw:
 * - every app's pods are Ready, and the readiness probe the claim wrote is what gates it (an app
 *   whose healthCheck path answers 404 stays unready);
 * - `uses:` wiring resolved inside the container: DATABASE_URL from the Secret the test creates
 *   where CloudNativePG's would be, the used app's address, which answers over its Service name;
 * - Pod Security `restricted` (rendered/dev/namespaces.yaml) admits them;
 * - images' users: the render's default UID (65532) starts an image whose USER is a name; with
 *   `security.runAsUser: image`, --verify-images refuses a root and a named-user image at render
 *   and a numeric-user image starts as that user.
 *
 *   CI=true npx vitest run --config test/e2e/vitest.config.ts test/e2e/pods.e2e.test.ts
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { helm } from '../support/helm.js';
import { cli, REPO_ROOT, SETTINGS, type TempRepo, tempRepo } from '../support/repo.js';
import { type ControlPlane, startControlPlane } from './control-plane/index.js';
import { getJson, type Pod, podReady, podsMatching } from './node/pods.js';
import { APP_PORT, APP_TAG } from './node/test-images.js';
import { type Doc, renderedClaims } from './support/rendered.js';

const NS = 'shop-team-dev';
/** What the test puts where CloudNativePG's `db-app` Secret would be (a fake credential). */
const DATABASE_URL = 'postgresql://app:fake-e2e-password@db-rw.shop-team-dev:5432/app';

const app = (name: string, image: string, healthPath: string, extra: string[] = []) => [
  `    - name: ${name}`,
  `      image: "${image}"`,
  `      version: "${APP_TAG}"`,
  `      ports: [{ name: http, port: ${APP_PORT} }]`,
  `      healthCheck: { path: ${healthPath}, port: ${APP_PORT}, initialDelaySeconds: 0, periodSeconds: 2 }`,
  ...extra,
];

const claimOf = (name: string, lines: string[]) =>
  ['apiVersion: platform.infraforge.io/v1', 'kind: ApplicationClaim', 'metadata:', `  name: ${name}`, 'spec:', '  environment: dev', '  owner: { team: Shop Team, email: shop@example.com }', '  applications:', ...lines, ''].join('\n');

function shopClaim(images: { echo: string; echoNamed: string }): string {
  return claimOf('shop', [
    ...app('api', images.echo, '/healthz', ['      env: [{ name: GREETING, value: hello from api }]']),
    ...app('web', images.echo, '/healthz', ['      uses: [db, api]']),
    // USER app in the image; the render's default numeric UID is what the kubelet runs.
    ...app('legacy', images.echoNamed, '/healthz'),
    // Its probe asks a path the app answers 404: never Ready, whatever the container does.
    ...app('stuck', images.echo, '/not-served'),
    '  components:',
    '    - { type: postgresql, name: db, version: "16", size: small }',
  ]);
}


describe('pods run: a rendered claim ends in ready containers', () => {
  let cp: ControlPlane;
  let repo: TempRepo;
  let kubeVersion: string;
  const appliedAt = new Map<string, number>();
  const readyAfter = new Map<string, number>();

  beforeAll(async () => {
    const started = Date.now();
    cp = await startControlPlane({ argocd: false, node: true, timeoutMs: 600_000 });
    const node = cp.node!;
    console.log(`control plane + node ${node.name} Ready in ${((Date.now() - started) / 1000).toFixed(1)} s; images in ${node.registry}: ${Object.entries(node.images.digests).map(([r, d]) => `${r}@${d.slice(0, 19)}`).join(', ')}`);
    kubeVersion = (await cp.api<{ gitVersion: string }>('/version'))!.gitVersion.replace(/^v/, '');
    repo = tempRepo({ 'deployments/dev/shop.yaml': shopClaim(node.images) });
    // Without --verify-images: it would also ask ghcr.io about the postgresql component's image,
    // and nothing outside this machine is reachable (the tests below use it on claims without one).
    const render = await cli(repo.root, 'render');
    expect(render.code, render.stderr).toBe(0);

    // What the root Application applies first, then what CloudNativePG would create.
    await cp.apply(repo.read('rendered/dev/namespaces.yaml'));
    await cp.kubectl(['create', 'secret', 'generic', 'db-app', '-n', NS, `--from-literal=uri=${DATABASE_URL}`]);
    const shop = renderedClaims(repo.root).find((c) => c.claim === 'shop')!;
    for (const unit of shop.units.filter((u) => u.name !== 'db')) {
      const { stdout } = await helm(['template', unit.release, path.join(REPO_ROOT, 'charts/common'), '--namespace', NS, '--kube-version', kubeVersion, '-f', unit.valuesFile]);
      const docs = parseAllDocuments(stdout).map((d) => d.toJS() as Doc | null).filter((d): d is Doc => d !== null);
      await cp.kubectl(['apply', '--server-side', '--field-manager=argocd-controller', '-n', NS, '-f', '-'], { input: docs.map((d) => JSON.stringify(d)).join('\n---\n') });
      appliedAt.set(unit.name, Date.now());
    }
  }, 900_000);

  afterAll(async () => {
    if (readyAfter.size > 0) console.log(`apply → Ready: ${[...readyAfter].map(([app, ms]) => `${app} ${(ms / 1000).toFixed(1)} s`).join(', ')}`);
    await cp?.stop();
    repo?.cleanup();
  });

  /** The pods of `<claim>-<app>` (the Helm release; `shop` when the name has no claim). */
  const pods = async (release: string): Promise<Pod[]> => podsMatching(cp.api, NS, `app.kubernetes.io/instance=${release.includes('-') ? release : `shop-${release}`}`);
  const readyPod = async (app: string): Promise<Pod> =>
    cp.waitFor(async () => (await pods(app)).find(podReady), { what: `a Ready pod of ${app}`, timeoutMs: 240_000, intervalMs: 500 });

  it.each(['api', 'web', 'legacy'])('%s: its pods are Running and Ready, through the readiness probe the claim wrote', async (app) => {
    const pod = await readyPod(app);
    readyAfter.set(app, Date.now() - appliedAt.get(app)!);
    console.log(`${app}: apply → Ready ${((Date.now() - appliedAt.get(app)!) / 1000).toFixed(1)} s (pod ${pod.metadata.name}, ${pod.status.podIP})`);
    expect(pod.status.phase).toBe('Running');
    const container = pod.spec.containers[0];
    expect(container.readinessProbe.httpGet).toMatchObject({ path: '/healthz', port: APP_PORT });
    expect(container.image).toContain(`/e2e/echo`);
  });

  it('an app whose claim probes a path the app does not serve stays unready (the probe gates Ready)', async () => {
    await readyPod('api'); // by now the kubelet has probed every pod several times
    const pod = await cp.waitFor(async () => (await pods('stuck')).find((p) => p.status.phase === 'Running'), { what: 'the stuck pod running', timeoutMs: 240_000 });
    // (Probes before the app listens fail with "connection refused"; once it serves, with its 404.)
    const event = await cp.waitFor(async () => {
      const list = await cp.api<{ items: { reason: string; message: string; involvedObject: { name: string } }[] }>(`/api/v1/namespaces/${NS}/events`);
      return list?.items.find((e) => e.involvedObject.name === pod.metadata.name && e.reason === 'Unhealthy' && /^Readiness probe failed: .*statuscode: 404/.test(e.message));
    }, { what: 'a readiness probe of the stuck pod failing with 404', timeoutMs: 120_000 });
    expect(event.message).toMatch(/statuscode: 404/);
    expect(pod.spec.containers[0].readinessProbe.httpGet).toMatchObject({ path: '/not-served', port: APP_PORT });
    expect(podReady((await pods('stuck')).find((p) => p.metadata.name === pod.metadata.name)!)).toBe(false);
  });

  it('web saw its uses: wiring: DATABASE_URL from the Secret, the api\'s address; it runs as the settings UID', async () => {
    const pod = await readyPod('web');
    const seen = await getJson<{ env: Record<string, string>; uid: number; gid: number }>(`http://${pod.status.podIP}:${APP_PORT}/env`);
    console.log(`web saw: DATABASE_URL=${seen.env.DATABASE_URL}, DB_DATABASE_URL=${seen.env.DB_DATABASE_URL}, API_URL=${seen.env.API_URL}, uid ${seen.uid}, gid ${seen.gid}`);
    expect(seen.env.DATABASE_URL).toBe(DATABASE_URL);
    expect(seen.env.DB_DATABASE_URL).toBe(DATABASE_URL);
    expect(seen.env).toMatchObject({ API_HOST: 'api', API_PORT: String(APP_PORT), API_URL: `http://api:${APP_PORT}` });
    expect(seen.env.GREETING).toBeUndefined();
    expect(seen.uid).toBe(65532);
    expect(seen.gid).toBe(65532);
  });

  it('web reaches api over its Service name (DNS → ClusterIP → kube-proxy → the api pod)', async () => {
    const web = await readyPod('web');
    await readyPod('api');
    const called = await cp.waitFor(async () => {
      const answer = await getJson<{ status?: number; body?: string; error?: string }>(`http://${web.status.podIP}:${APP_PORT}/call?url=${encodeURIComponent(`http://api:${APP_PORT}/env`)}`);
      return answer.status === 200 ? answer : undefined;
    }, { what: `web calling http://api:${APP_PORT}/env (names asked so far: ${cp.node!.dns.asked.slice(-5).join(', ')})`, timeoutMs: 60_000, intervalMs: 1000 });
    const apiSaw = JSON.parse(called.body!) as { env: Record<string, string>; hostname: string };
    console.log(`web → http://api:${APP_PORT}/env answered by ${apiSaw.hostname}: GREETING=${apiSaw.env.GREETING}`);
    expect(apiSaw.env.GREETING).toBe('hello from api');
    expect(apiSaw.hostname).toMatch(/^api-/);
    expect(cp.node!.dns.asked).toContain(`api.${NS}.svc.cluster.local`);
  });

  it('an image whose USER is a name starts with the settings UID (65532), as the render promised', async () => {
    const pod = await readyPod('legacy');
    expect(pod.spec.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 65532 });
    const seen = await getJson<{ uid: number }>(`http://${pod.status.podIP}:${APP_PORT}/env`);
    expect(seen.uid).toBe(65532);
  });

  it('Pod Security restricted is enforced on the namespace the pods run in', async () => {
    const ns = await cp.api<{ metadata: { labels: Record<string, string> } }>(`/api/v1/namespaces/${NS}`);
    expect(ns!.metadata.labels['pod-security.kubernetes.io/enforce']).toBe('restricted');
  });

  describe('settings security.runAsUser: image (the image\'s own USER)', () => {
    let own: TempRepo;
    const settings = `${SETTINGS}  security:\n    runAsUser: image\n`;

    afterAll(() => own?.cleanup());

    it('--verify-images refuses the root-user and the named-user image at render, nothing written', async () => {
      const { echoRoot, echoNamed } = cp.node!.images;
      const claim = claimOf('shop', [...app('api', echoRoot, '/healthz'), ...app('legacy', echoNamed, '/healthz')]);
      own = tempRepo({ 'deployments/dev/shop.yaml': claim }, { settings });
      const run = await cli(own.root, 'render', '--verify-images');
      console.log(`render --verify-images with runAsUser: image:\n${run.stderr.trim()}`);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`deployments/dev/shop.yaml:10:14: image ${echoRoot}:${APP_TAG} would not start: its USER is root`);
      expect(run.stderr).toContain(`deployments/dev/shop.yaml:15:14: image ${echoNamed}:${APP_TAG} would not start: its USER is the name "app"`);
      expect(Object.keys(own.snapshot())).toEqual([]);
    });

    it('a numeric-user image renders without runAsUser and its pod runs as the image\'s USER', async () => {
      const solo = tempRepo({ 'deployments/dev/solo.yaml': claimOf('solo', app('numeric', cp.node!.images.echo, '/healthz')) }, { settings });
      try {
        const run = await cli(solo.root, 'render', '--verify-images');
        expect(run.code, run.stderr).toBe(0);
        expect(solo.read('rendered/dev/solo/numeric/values.yaml')).not.toMatch(/runAsUser/);
        const unit = renderedClaims(solo.root)[0]!.units[0]!;
        const { stdout } = await helm(['template', unit.release, path.join(REPO_ROOT, 'charts/common'), '--namespace', NS, '--kube-version', kubeVersion, '-f', unit.valuesFile]);
        const applied = Date.now();
        await cp.kubectl(['apply', '--server-side', '--field-manager=argocd-controller', '-n', NS, '-f', '-'], { input: stdout });
        const pod = await readyPod('solo-numeric');
        readyAfter.set('solo-numeric', Date.now() - applied);
        expect(pod.spec.securityContext.runAsUser).toBeUndefined();
        expect(pod.spec.securityContext.runAsNonRoot).toBe(true);
        const seen = await getJson<{ uid: number }>(`http://${pod.status.podIP}:${APP_PORT}/env`);
        expect(seen.uid).toBe(65532);
      } finally {
        solo.cleanup();
      }
    });
  });
});
