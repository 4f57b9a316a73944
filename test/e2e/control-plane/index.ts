/**
 * A real Kubernetes control plane with Argo CD's controllers, on loopback, for one test file:
 * etcd, kube-apiserver (RBAC on, certificates made at start), kube-controller-manager (garbage
 * collector, namespaces, service accounts: no kubelet, so no pod ever runs), and optionally
 * redis + argocd-repo-server + argocd-applicationset-controller + argocd-application-controller.
 * The vendored CRDs (test/crds) are installed; the root Applications from infrastructure/argocd
 * when asked. Everything lives in one temp dir and is gone after stop() or process exit.
 *
 *   const cp = await startControlPlane();
 *   await cp.apply(yamlText);
 *   await cp.waitFor(async () => (await cp.get('applications', 'argocd')).items.length === 3);
 *   await cp.stop();
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { REPO_ROOT } from '../../support/repo.js';
import { ARGOCD_NAMESPACE, ARGOCD_USER, argocdBootstrapYaml, startArgocd, type ArgocdOptions } from './argocd.js';
import { repoServerHelm, requireAll } from './binaries.js';
import { kubeconfig, makePki } from './pki.js';
import { Supervisor } from './processes.js';
import { httpOk, httpsGet, poll, tcpOpen, type TlsClient, type WaitOptions } from './wait.js';
import { freePort } from '../../support/ports.js';
import { type E2eNode, startNode } from '../node/index.js';

export { ARGOCD_NAMESPACE } from './argocd.js';

export interface StartOptions {
  /** Start redis and the three Argo CD controllers (default true). */
  argocd?: boolean;
  /** ApplicationSet controller policy (default `sync`, as infrastructure/aws/argocd.tf sets). */
  appsetPolicy?: ArgocdOptions['appsetPolicy'];
  /** Apply infrastructure/argocd/root-<env>.yaml for these, with the repo URL/revision replaced. */
  rootApplications?: { env: string; repoURL: string; targetRevision?: string }[];
  /** How long start() may take (default 180 s: two busy cores). */
  timeoutMs?: number;
  /**
   * Start a node too (test/e2e/node/): containerd, kubelet, kube-scheduler, kube-proxy, DNS and
   * a registry with the test images, and the controllers that turn workloads into pods.
   */
  node?: boolean;
}

export interface KubectlResult {
  stdout: string;
  stderr: string;
  code: number;
}

export interface ControlPlane {
  /** Path of an admin kubeconfig (user in system:masters). */
  kubeconfig: string;
  /** The API server URL, https://127.0.0.1:<port>. */
  server: string;
  /** Runs kubectl with the admin kubeconfig; rejects on a non-zero exit unless allowFailure. */
  kubectl(args: string[], options?: { input?: string; allowFailure?: boolean }): Promise<KubectlResult>;
  /** `kubectl apply --server-side` of a YAML stream (what Argo CD's root app would apply). */
  apply(yaml: string): Promise<void>;
  /** GET an API path (e.g. `/apis/argoproj.io/v1alpha1/namespaces/argocd/applications`) as JSON; undefined on 404. */
  api<T = any>(apiPath: string): Promise<T | undefined>;
  /** Polls until `predicate` returns a value other than undefined/false/null; fails with the controllers' logs. */
  waitFor<T>(predicate: () => Promise<T | undefined | false | null>, options?: WaitOptions): Promise<T>;
  /** Where each server's log file is. */
  logs: Record<string, string>;
  /** `helm version --short` of the helm the repo-server renders with (v4.3.1, as Argo CD v3.6.1 ships). */
  repoServerHelm?: string;
  /** The node, when started with `node: true`. */
  node?: E2eNode;
  /** The last lines of every log, for failure messages. */
  logTails(lines?: number): string;
  stop(): Promise<void>;
}

const run = (bin: string, args: string[], input?: string, env?: NodeJS.ProcessEnv) =>
  new Promise<KubectlResult>((resolve) => {
    const child = execFile(bin, args, { maxBuffer: 256 << 20, env: { ...process.env, ...env } }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? ((err as { code: number }).code) : 1) : 0;
      resolve({ stdout, stderr, code });
    });
    if (input !== undefined) child.stdin!.end(input);
  });

export async function startControlPlane(options: StartOptions = {}): Promise<ControlPlane> {
  const withArgocd = options.argocd ?? true;
  const timeoutMs = options.timeoutMs ?? 180_000;
  const bins = requireAll();
  const helm = withArgocd ? repoServerHelm() : undefined;
  // etcd fsyncs every write; on tmpfs that costs nothing.
  const base = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
  const dir = mkdtempSync(path.join(base, 'infraforge-cp-'));
  const sup = new Supervisor(dir);
  const started = Date.now();
  const remaining = () => Math.max(5_000, timeoutMs - (Date.now() - started));
  const failWith = () => `logs:\n${sup.tails()}`;
  let nodeToStop: E2eNode | undefined;
  const crashed = () => {
    const gone = sup.crashed();
    return gone.length > 0 ? `${gone.map((s) => `${s.name} ${s.exited()}`).join(', ')}\n${failWith()}` : undefined;
  };
  const ready = (what: string, probe: () => Promise<boolean>) =>
    poll(probe, { what, timeoutMs: remaining(), intervalMs: 200, onTimeout: failWith, abortIf: crashed });

  try {
    const [etcdClient, etcdPeer, apiPort, kcmPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
    const pki = makePki(dir, bins.openssl);
    const server = `https://127.0.0.1:${apiPort}`;
    const admin = pki.client('infraforge-e2e-admin', ['system:masters']);
    const adminKubeconfig = path.join(dir, 'admin.kubeconfig');
    writeFileSync(adminKubeconfig, kubeconfig(server, pki.caFile, admin));
    // kube-controller-manager runs every controller under its own identity (no per-controller
    // service accounts to bootstrap), so it gets system:masters; RBAC still governs Argo CD.
    const kcmKubeconfig = path.join(dir, 'kcm.kubeconfig');
    writeFileSync(kcmKubeconfig, kubeconfig(server, pki.caFile, pki.client('system:kube-controller-manager', ['system:masters'])));

    sup.start('etcd', bins.etcd, [
      '--name', 'e2e', '--data-dir', path.join(dir, 'etcd'),
      '--listen-client-urls', `http://127.0.0.1:${etcdClient}`, '--advertise-client-urls', `http://127.0.0.1:${etcdClient}`,
      '--listen-peer-urls', `http://127.0.0.1:${etcdPeer}`, '--initial-advertise-peer-urls', `http://127.0.0.1:${etcdPeer}`,
      '--initial-cluster', `e2e=http://127.0.0.1:${etcdPeer}`, '--log-level', 'warn',
    ]);
    await ready('etcd /health', () => httpOk(`http://127.0.0.1:${etcdClient}/health`));

    const issuer = 'https://kubernetes.default.svc.cluster.local';
    sup.start('kube-apiserver', bins['kube-apiserver'], [
      `--etcd-servers=http://127.0.0.1:${etcdClient}`,
      '--bind-address=127.0.0.1', '--advertise-address=127.0.0.1', `--secure-port=${apiPort}`,
      `--tls-cert-file=${pki.serving.certFile}`, `--tls-private-key-file=${pki.serving.keyFile}`,
      `--client-ca-file=${pki.caFile}`, '--authorization-mode=RBAC', '--anonymous-auth=false',
      `--service-account-issuer=${issuer}`, `--api-audiences=${issuer}`,
      `--service-account-key-file=${pki.serviceAccountPubFile}`, `--service-account-signing-key-file=${pki.serviceAccountKeyFile}`,
      // No endpoint reconciler: it refuses a loopback advertise address, and no pod needs the
      // `kubernetes` Service's endpoints here.
      '--service-cluster-ip-range=10.0.0.0/24', '--endpoint-reconciler-type=none',
      '--enable-priority-and-fairness=false', '--profiling=false',
      `--cert-dir=${path.join(dir, 'apiserver-certs')}`, '--v=1',
    ]);
    const tls: TlsClient = { ca: readFileSync(pki.caFile), cert: readFileSync(admin.certFile), key: readFileSync(admin.keyFile) };
    const api = async <T>(apiPath: string): Promise<T | undefined> => {
      const res = await httpsGet(`${server}${apiPath}`, tls);
      if (res.status === 404) return undefined;
      if (res.status !== 200) throw new Error(`GET ${apiPath}: ${res.status} ${res.body.slice(0, 500)}`);
      return JSON.parse(res.body) as T;
    };
    await ready('kube-apiserver /readyz', async () => (await httpsGet(`${server}/readyz`, tls).catch(() => ({ status: 0 }))).status === 200);

    // Without a node nothing would use the workload controllers; with one, pods come from
    // Deployments, Jobs and StatefulSets, Services get endpoints, and pods get the cluster's CA.
    const controllers = ['garbage-collector-controller', 'namespace-controller', 'serviceaccount-controller', 'serviceaccount-token-controller'];
    if (options.node) {
      controllers.push('deployment-controller', 'replicaset-controller', 'statefulset-controller', 'job-controller', 'endpointslice-controller',
        'endpoints-controller', 'root-ca-certificate-publisher-controller', 'node-lifecycle-controller',
        // Holds an autoscaled Deployment (the chart leaves its replicas to the HPA) at minReplicas; no metrics server, so no scaling on load.
        'horizontal-pod-autoscaler-controller');
    }
    sup.start('kube-controller-manager', bins['kube-controller-manager'], [
      `--kubeconfig=${kcmKubeconfig}`, `--authentication-kubeconfig=${kcmKubeconfig}`, `--authorization-kubeconfig=${kcmKubeconfig}`,
      `--controllers=${controllers.join(',')}`,
      `--service-account-private-key-file=${pki.serviceAccountKeyFile}`, `--root-ca-file=${pki.caFile}`,
      '--leader-elect=false', '--bind-address=127.0.0.1', `--secure-port=${kcmPort}`, '--v=1',
    ]);

    const kubectl: ControlPlane['kubectl'] = async (args, opts = {}) => {
      const result = await run(bins.kubectl, ['--kubeconfig', adminKubeconfig, ...args], opts.input);
      if (result.code !== 0 && !opts.allowFailure) throw new Error(`kubectl ${args.join(' ')} exited ${result.code}:\n${result.stderr}${result.stdout}`);
      return result;
    };
    const apply = async (yaml: string) => {
      await kubectl(['apply', '--server-side', '--force-conflicts', '--field-manager=infraforge-e2e', '-f', '-'], { input: yaml });
    };

    // CRDs first: the Argo CD objects below need theirs, and tests need the operators'.
    await kubectl(['apply', '--server-side', '--field-manager=infraforge-e2e', '--recursive', '-f', path.join(REPO_ROOT, 'test/crds')]);
    await kubectl(['wait', '--for=condition=Established', 'crd', '--all', `--timeout=${Math.ceil(remaining() / 1000)}s`]);
    // The namespace controller must be running before a test deletes a namespace; a
    // service account appearing in a new namespace shows that kube-controller-manager is up.
    await apply(argocdBootstrapYaml());
    await ready('kube-controller-manager (default ServiceAccount in argocd)', async () => (await api(`/api/v1/namespaces/${ARGOCD_NAMESPACE}/serviceaccounts/default`)) !== undefined);

    const node = options.node
      ? await startNode({ pki, server, api, apply, kubectl, timeoutMs: remaining() }).catch((err: unknown) => {
          throw new Error(`${err instanceof Error ? err.message : String(err)}\n${failWith()}`);
        })
      : undefined;
    nodeToStop = node;

    if (withArgocd) {
      const argocdKubeconfig = path.join(dir, 'argocd.kubeconfig');
      writeFileSync(argocdKubeconfig, kubeconfig(server, pki.caFile, pki.client(ARGOCD_USER), ARGOCD_NAMESPACE));
      const ports = {
        redis: await freePort(), repoServer: await freePort(), repoServerMetrics: await freePort(), appsetMetrics: await freePort(),
        appsetProbe: await freePort(), appsetWebhook: await freePort(), controllerMetrics: await freePort(),
      };
      const probes = startArgocd(sup, bins, dir, argocdKubeconfig, ports, { appsetPolicy: options.appsetPolicy ?? 'sync' }, helm!);
      for (const { name, ready: r } of probes) {
        await ready(name, () => (r.tcp !== undefined ? tcpOpen(r.tcp) : httpOk(r.http!)));
      }
    }

    if ((options.rootApplications ?? []).length > 0) {
      await apply(platformProject(options.rootApplications!.map((r) => r.repoURL)));
    }
    for (const root of options.rootApplications ?? []) {
      const doc = parse(readFileSync(path.join(REPO_ROOT, `infrastructure/argocd/root-${root.env}.yaml`), 'utf8'));
      doc.spec.source.repoURL = root.repoURL;
      if (root.targetRevision) doc.spec.source.targetRevision = root.targetRevision;
      await apply(stringify(doc));
    }

    const logs = Object.fromEntries(['etcd', 'kube-apiserver', 'kube-controller-manager', 'redis', 'argocd-repo-server', 'argocd-applicationset-controller', 'argocd-application-controller']
      .map((n) => [n, path.join(sup.logDir, `${n}.log`)])
      .filter(([, f]) => existsSync(f!)));
    let stopped = false;
    const crashedAnywhere = () => crashed() ?? node?.crashed();
    return {
      kubeconfig: adminKubeconfig,
      server,
      kubectl,
      apply,
      api,
      waitFor: (predicate, opts = {}) => poll(predicate, { timeoutMs: 60_000, intervalMs: 300, ...opts, onTimeout: () => `${failWith()}${node ? `\n${node.logTails()}` : ''}`, abortIf: crashedAnywhere }),
      logs: { ...logs, ...node?.logs },
      ...(helm ? { repoServerHelm: helm.version } : {}),
      ...(node ? { node } : {}),
      logTails: (lines) => `${sup.tails(lines)}${node ? `\n${node.logTails(lines)}` : ''}`,
      async stop() {
        if (stopped) return;
        stopped = true;
        // The node's pods are deleted through the API server, so it stops first.
        await node?.stop();
        await sup.stopAll();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    // The error already carries the log tails.
    await nodeToStop?.stop();
    await sup.stopAll();
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

/** infrastructure/'s platform AppProject (the one the root Applications run in), reading `repoURLs`. */
export function platformProject(repoURLs: readonly string[]): string {
  const project = parse(readFileSync(path.join(REPO_ROOT, 'infrastructure/argocd/platform-project.yaml'), 'utf8'));
  project.spec.sourceRepos = [...new Set(repoURLs)];
  return stringify(project);
}
