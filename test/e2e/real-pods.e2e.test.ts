/**
 * A real app's claim, as written, runs pods (issue 20's last "done when"): the real-apps fixture's
 * podinfo (test/fixtures/real-apps/deployments/base/podinfo.yaml + its prod overlay) rendered by
 * the real CLI, templated by the real chart, applied to the e2e API server, started by the e2e
 * kubelet (test/e2e/node/).
 *
 * ghcr.io/stefanprodan/podinfo cannot be pulled here (no public registry is reachable), so the
 * node runs a stand-in built from test/e2e/node/apps/podinfo-standin, laid out like podinfo's image
 * (`/home/app/podinfo`, `WORKDIR /home/app`, `USER app`) and pushed to the loopback registry as
 * `e2e/podinfo:6.9.2`. It takes podinfo's flags, serves /healthz and /readyz on --port and
 * /metrics on --port-metrics, exits when --config-path cannot be read, and answers /args with what
 * it saw. Everything else in the claim — command, args, ports, the three probes, the config file
 * and scratch volumes, the security context and UID, env with `$(REDIS_URL)`, metrics — is the
 * fixture's, unchanged.
 *
 *   CI=true npx vitest run --config test/e2e/vitest.config.ts test/e2e/real-pods.e2e.test.ts
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { helm } from '../support/helm.js';
import { cli, REPO_ROOT, type TempRepo, tempRepo } from '../support/repo.js';
import { program } from './control-plane/binaries.js';
import { type ControlPlane, startControlPlane } from './control-plane/index.js';
import { type Pod, podReady, podsMatching } from './node/pods.js';
import { buildApps, PODINFO_TAG } from './node/test-images.js';
import { type Doc, renderedClaims } from './support/rendered.js';

const FIXTURE = path.join(REPO_ROOT, 'test/fixtures/real-apps/deployments');
const PUBLIC_IMAGE = `ghcr.io/stefanprodan/podinfo:${PODINFO_TAG}`;
const NS = 'podinfo-team-prod';
const RELEASE = 'podinfo-podinfo';

const base = readFileSync(path.join(FIXTURE, 'base/podinfo.yaml'), 'utf8');
const prod = readFileSync(path.join(FIXTURE, 'prod/podinfo.yaml'), 'utf8');
/** The claim's podinfo application, as the fixture writes it: what the pod must have seen. */
const written = (parse(base) as Doc).spec.applications.find((a: Doc) => a.name === 'podinfo') as Doc;

interface Seen {
  args: string[];
  executable: string;
  cwd: string;
  flags: Record<string, string>;
  unknownFlags: string[];
  config: Record<string, string>;
  uid: number;
  gid: number;
  env: Record<string, string>;
  dataWritable: string;
  cwdWritable: string;
  probes: Record<string, number>;
}

describe('the real-apps podinfo claim, as written, runs on the e2e kubelet', () => {
  let cp: ControlPlane;
  let repo: TempRepo;
  let appliedAt = 0;
  let readyAfterMs = 0;

  beforeAll(async () => {
    const started = Date.now();
    cp = await startControlPlane({ argocd: false, node: true, timeoutMs: 600_000 });
    const node = cp.node!;
    console.log(`control plane + node Ready in ${((Date.now() - started) / 1000).toFixed(1)} s; stand-in ${node.images.podinfo}:${PODINFO_TAG}@${node.images.digests['e2e/podinfo']}`);
    // The one change to the fixture: the claim names a full public image reference, which no
    // setting rewrites (image registry/owner settings apply to `serviceName` only), so the copy
    // points exactly that reference at the loopback registry's stand-in. Nothing else is edited.
    expect(base.split(PUBLIC_IMAGE)).toHaveLength(2);
    repo = tempRepo({
      'deployments/base/podinfo.yaml': base.replace(PUBLIC_IMAGE, `${node.images.podinfo}:${PODINFO_TAG}`),
      'deployments/prod/podinfo.yaml': prod,
    });
    const render = await cli(repo.root, 'render');
    expect(render.code, render.stderr).toBe(0);

    // What the root Application applies first, then the podinfo Application's objects as Argo CD
    // would (server-side, its field manager). The cache (a Redis from the public image) is not
    // started: podinfo gets its address as plain env and needs no Redis to be Ready.
    await cp.apply(repo.read('rendered/prod/namespaces.yaml'));
    const claim = renderedClaims(repo.root).find((c) => c.env === 'prod' && c.claim === 'podinfo')!;
    const unit = claim.units.find((u) => u.name === 'podinfo')!;
    const kubeVersion = (await cp.api<{ gitVersion: string }>('/version'))!.gitVersion.replace(/^v/, '');
    const { stdout } = await helm(['template', unit.release, path.join(REPO_ROOT, 'charts/common'), '--namespace', NS, '--kube-version', kubeVersion, '-f', unit.valuesFile]);
    const docs = parseAllDocuments(stdout).map((d) => d.toJS() as Doc | null).filter((d): d is Doc => d !== null);
    console.log(`applying ${docs.map((d) => d.kind).join(', ')}`);
    await cp.kubectl(['apply', '--server-side', '--field-manager=argocd-controller', '-n', NS, '-f', '-'], { input: docs.map((d) => JSON.stringify(d)).join('\n---\n') });
    appliedAt = Date.now();
  }, 900_000);

  afterAll(async () => {
    if (readyAfterMs > 0) console.log(`podinfo: apply → Ready ${(readyAfterMs / 1000).toFixed(1)} s`);
    await cp?.stop();
    repo?.cleanup();
  });

  const pods = (): Promise<Pod[]> => podsMatching(cp.api, NS, `app.kubernetes.io/instance=${RELEASE}`);
  const readyPod = async (): Promise<Pod> => cp.waitFor(async () => (await pods()).find(podReady), { what: 'a Ready podinfo pod', timeoutMs: 180_000, intervalMs: 500 });
  const get = async (url: string): Promise<string> => {
    const res = await fetch(url, { signal: AbortSignal.timeout(15_000) });
    if (!res.ok) throw new Error(`GET ${url}: ${res.status} ${await res.text()}`);
    return res.text();
  };
  const seen = async (pod: Pod): Promise<Seen> => JSON.parse(await get(`http://${pod.status.podIP}:9898/args`)) as Seen;

  it('its pod is Running and Ready, made Ready by the readiness probe the claim wrote (/readyz)', async () => {
    const pod = await readyPod();
    readyAfterMs = Date.now() - appliedAt;
    console.log(`podinfo: apply → Ready ${(readyAfterMs / 1000).toFixed(1)} s (pod ${pod.metadata.name}, ${pod.status.podIP})`);
    expect(pod.status.phase).toBe('Running');
    expect(pod.status.containerStatuses![0]!.restartCount).toBe(0);
    const container = pod.spec.containers[0];
    expect(container.image).toBe(`${cp.node!.images.podinfo}:${PODINFO_TAG}`);
    expect(container.readinessProbe.httpGet).toMatchObject({ path: written.probes.readiness.http.path, port: 9898 });
    expect(container.startupProbe.httpGet).toMatchObject({ path: written.probes.startup.http.path, port: 9898 });
    expect(container.livenessProbe.httpGet).toMatchObject({ path: written.probes.liveness.http.path, port: 9898 });
    // The kubelet's own requests, counted by the app: the startup probe on /healthz, then the readiness probe on /readyz.
    const { probes } = await seen(pod);
    console.log(`kube-probe requests seen by the app: ${JSON.stringify(probes)}`);
    expect(probes['/readyz']).toBeGreaterThanOrEqual(1);
    expect(probes['/healthz']).toBeGreaterThanOrEqual(1);
  });

  it('the process got the claim\'s command and args, its config file, the prod overlay\'s env and the settings UID', async () => {
    const s = await seen(await readyPod());
    console.log(`podinfo saw: ${s.executable} ${s.args.join(' ')} (cwd ${s.cwd}, uid ${s.uid}, gid ${s.gid}); config ${JSON.stringify(s.config)}; env ${JSON.stringify(s.env)}`);
    expect(s.executable).toBe(written.command[0]);
    expect(s.cwd).toBe('/home/app'); // the image's WORKDIR: where `./podinfo` resolved
    expect(s.args).toEqual(written.args);
    expect(s.unknownFlags).toEqual([]);
    expect(s.flags).toMatchObject({ port: '9898', 'port-metrics': '9797', 'grpc-port': '9999', 'grpc-service-name': 'podinfo', level: 'info', 'config-path': '/podinfo/config' });
    const configVolume = written.volumes.find((v: Doc) => v.name === 'config');
    expect(s.config).toEqual(configVolume.files);
    // The image's USER is the name `app`; the render's default numeric UID is what runs it.
    expect(s.uid).toBe(65532);
    expect(s.gid).toBe(65532);
    // The scratch volume is writable, the image's own files are not (readOnlyRootFilesystem).
    expect(s.dataWritable).toBe('ok');
    expect(s.cwdWritable).toMatch(/read-only file system/);
    // `$(REDIS_URL)` resolved: REDIS_URL (from `uses: [cache]`) was placed before it.
    expect(s.env.REDIS_URL).toMatch(/^redis:\/\/cache:6379$/);
    expect(s.env.PODINFO_CACHE_SERVER).toBe(s.env.REDIS_URL);
    expect(s.env.PODINFO_UI_COLOR).toBe('#34577c');
    expect(s.env.PODINFO_UI_MESSAGE).toBe((parse(prod) as Doc).spec.applications[0].env[0].value);
  });

  it('metrics answer on --port-metrics behind the Service port the ServiceMonitor scrapes; the grpc port listens', async () => {
    const pod = await readyPod();
    expect(await get(`http://${pod.status.podIP}:9797/metrics`)).toMatch(/^podinfo_standin_up 1$/m);
    const monitor = await cp.api<Doc>(`/apis/monitoring.coreos.com/v1/namespaces/${NS}/servicemonitors/podinfo`);
    expect(monitor!.spec.endpoints[0]).toMatchObject({ port: 'http-metrics', path: '/metrics' });
    const slices = await cp.waitFor(async () => {
      const list = await cp.api<{ items: Doc[] }>(`/apis/discovery.k8s.io/v1/namespaces/${NS}/endpointslices?labelSelector=${encodeURIComponent('kubernetes.io/service-name=podinfo')}`);
      return list?.items.find((s) => s.endpoints?.some((e: Doc) => e.addresses.includes(pod.status.podIP) && e.conditions.ready));
    }, { what: 'the podinfo Service\'s endpoints listing the Ready pod', timeoutMs: 60_000 });
    expect(slices.ports).toContainEqual(expect.objectContaining({ name: 'http-metrics', port: 9797 }));
    await new Promise<void>((resolve, reject) => {
      const socket = connect({ host: pod.status.podIP!, port: 9999, timeout: 10_000 }, () => { socket.destroy(); resolve(); });
      socket.on('error', reject).on('timeout', () => reject(new Error('grpc port: connect timeout')));
    });
  });

  it('the stand-in fails loudly when --config-path cannot be read, whatever other flags it is given', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'infraforge-standin-'));
    try {
      const bin = path.join(dir, 'podinfo');
      writeFileSync(bin, (await buildApps(program('go'), ['podinfo-standin']))['podinfo-standin']!, { mode: 0o755 });
      const run = await promisify(execFile)(bin, ['--port=0', '--a-flag-podinfo-lacks=1', `--config-path=${dir}/missing`]).then(() => undefined, (e: { code: number; stderr: string }) => e);
      expect(run?.code).toBe(1);
      expect(run?.stderr).toContain(`--config-path "${dir}/missing": open ${dir}/missing: no such file or directory`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
