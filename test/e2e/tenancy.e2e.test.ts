/**
 * Tenancy, enforced again in the cluster when the renderer is bypassed (defence in depth):
 *
 * 1. Argo CD's application controller refuses what a claim's AppProject does not allow: a
 *    hand-made Application in the claim's project, syncing raw manifests from this repository
 *    (a Secret, a ClusterRoleBinding, a Deployment into another team's namespace), ends in a
 *    sync error and nothing is created.
 * 2. A tenant Application cannot relabel its Namespace (the Namespace kind is not in its
 *    project) nor delete it (only the platform's root applies it).
 * 3. The API server's Pod Security admission, on the namespaces labelled as
 *    rendered/<env>/namespaces.yaml labels them (`restricted`), admits the pod of every workload
 *    the chart renders for the examples and the generated repositories with no warning, and
 *    refuses a privileged pod.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { git } from '../support/git.js';
import { helm } from '../support/helm.js';
import { claim, REPO_ROOT, type TempRepo, tempRepo } from '../support/repo.js';
import { ARGOCD_NAMESPACE, type ControlPlane, startControlPlane } from './control-plane/index.js';
import { type GitHttpServer, startGitHttpServer } from './loop/git-http-server.js';
import { allComponentsRepo, type Doc, generatedRepo, renderedClaims, renderOrThrow } from './support/rendered.js';

const NAMESPACE = 'shop-team-dev';
const OTHER = 'other-team-dev';

/** Raw manifests a tenant might try to sync by hand, each in its own folder (one Application each). */
const BYPASS: Record<string, { files: Record<string, string>; refused: RegExp; absent: string[] }> = {
  secret: {
    files: { 'secret.yaml': 'apiVersion: v1\nkind: Secret\nmetadata: { name: stolen }\nstringData: { token: x }\n' },
    refused: /Secret.*not permitted in project/,
    absent: [`/api/v1/namespaces/${NAMESPACE}/secrets/stolen`],
  },
  'cluster-role-binding': {
    files: { 'crb.yaml': 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: { name: shop-admin }\nroleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin }\nsubjects: [{ kind: ServiceAccount, name: api, namespace: shop-team-dev }]\n' },
    refused: /ClusterRoleBinding.*not permitted in project/,
    absent: ['/apis/rbac.authorization.k8s.io/v1/clusterrolebindings/shop-admin'],
  },
  'other-namespace': {
    files: { 'deployment.yaml': `apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: intruder, namespace: ${OTHER} }\nspec:\n  selector: { matchLabels: { app: intruder } }\n  template:\n    metadata: { labels: { app: intruder } }\n    spec: { containers: [{ name: c, image: busybox }] }\n` },
    refused: new RegExp(`namespace ${OTHER} is not permitted in project`),
    absent: [`/apis/apps/v1/namespaces/${OTHER}/deployments/intruder`],
  },
  'relabel-namespace': {
    files: { 'namespace.yaml': `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${NAMESPACE}\n  labels: { pod-security.kubernetes.io/enforce: privileged }\n` },
    refused: /Namespace.*not permitted in project/,
    absent: [],
  },
};

type AppStatus = { status?: { operationState?: { phase?: string; message?: string; syncResult?: { resources?: { message?: string }[] } }; conditions?: { message: string }[] } };

describe('tenancy in the cluster: Argo CD projects and Pod Security admission', () => {
  let cp: ControlPlane;
  let server: GitHttpServer;
  let dir: string;
  let repo: TempRepo;
  let url: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'infraforge-tenancy-'));
    mkdirSync(path.join(dir, 'srv'));
    git(dir, 'init', '--quiet', '--bare', '--initial-branch=main', path.join(dir, 'srv', 'platform.git'));
    [server, cp] = await Promise.all([startGitHttpServer(path.join(dir, 'srv')), startControlPlane()]);
    url = `${server.url}/platform.git`;

    // The platform repository: one claim of Shop Team, one of Other Team, rendered for this
    // git server; plus the raw manifests a tenant would have to sneak in.
    repo = tempRepo({
      'deployments/dev/shop.yaml': claim('shop', 'dev'),
      'deployments/dev/other.yaml': claim('other', 'dev').replace('Shop Team', 'Other Team'),
    });
    await renderOrThrow(repo, '--repo-url', url);
    for (const [name, { files }] of Object.entries(BYPASS)) for (const [f, text] of Object.entries(files)) repo.write(`bypass/${name}/${f}`, text);
    const push = `http://x:${server.pushToken}@${url.slice('http://'.length)}`;
    git(repo.root, 'init', '--quiet', '--initial-branch=main');
    git(repo.root, 'add', '-A');
    git(repo.root, 'commit', '--quiet', '-m', 'platform repository with a bypass attempt');
    git(repo.root, 'push', '--quiet', push, 'HEAD:refs/heads/main');

    // What the root Application applies: the platform's namespaces, then the claims' AppProjects.
    await cp.apply(repo.read('rendered/dev/namespaces.yaml'));
    await cp.apply(['shop', 'other'].map((c) => repo.read(`rendered/dev/${c}/appproject.yaml`)).join('---\n'));
  });
  afterAll(async () => {
    await cp?.stop();
    await server?.stop();
    repo?.cleanup();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  function bypassApplication(name: string): string {
    return JSON.stringify({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { name: `bypass-${name}`, namespace: ARGOCD_NAMESPACE, finalizers: ['resources-finalizer.argocd.argoproj.io'] },
      spec: {
        project: 'shop',
        source: { repoURL: url, targetRevision: 'main', path: `bypass/${name}` },
        destination: { server: 'https://kubernetes.default.svc', namespace: NAMESPACE },
        syncPolicy: { automated: { prune: true, selfHeal: true } },
      },
    });
  }

  it.each(Object.keys(BYPASS))('a hand-made Application in the claim\'s project syncing %s is refused by the application controller, nothing created', async (name) => {
    const { refused, absent } = BYPASS[name]!;
    await cp.apply(bypassApplication(name));
    const status = await cp.waitFor(async () => {
      const app = await cp.api<AppStatus>(`/apis/argoproj.io/v1alpha1/namespaces/${ARGOCD_NAMESPACE}/applications/bypass-${name}`);
      const text = JSON.stringify(app?.status ?? {});
      return refused.test(text) ? text : undefined;
    }, { what: `Application bypass-${name} to report ${refused}`, timeoutMs: 120_000 });
    expect(status).toMatch(refused);
    for (const p of absent) expect(await cp.api(p), p).toBeUndefined();
  });

  it('the Namespace keeps the platform\'s labels, and deleting the tenant\'s Applications leaves it', async () => {
    const labels = async () => (await cp.api<{ metadata: { labels: Record<string, string>; deletionTimestamp?: string } }>(`/api/v1/namespaces/${NAMESPACE}`))?.metadata;
    expect((await labels())?.labels['pod-security.kubernetes.io/enforce']).toBe('restricted');
    // Argo CD's resources finalizer keeps an Application whose sync was refused until it gives
    // up; what matters here is that its deletion, once asked for, never reaches the Namespace.
    for (const name of Object.keys(BYPASS)) await cp.kubectl(['delete', 'application', `bypass-${name}`, '-n', ARGOCD_NAMESPACE, '--wait=false']);
    for (const name of Object.keys(BYPASS)) {
      await cp.waitFor(async () => {
        const app = await cp.api<{ metadata: { deletionTimestamp?: string } }>(`/apis/argoproj.io/v1alpha1/namespaces/${ARGOCD_NAMESPACE}/applications/bypass-${name}`);
        return app === undefined || app.metadata.deletionTimestamp !== undefined;
      }, { what: `Application bypass-${name} being deleted` });
    }
    await new Promise((r) => setTimeout(r, 5000)); // the application controller's finalizer pass
    const after = await labels();
    expect(after?.deletionTimestamp).toBeUndefined();
    expect(after?.labels['pod-security.kubernetes.io/enforce']).toBe('restricted');
    expect(after?.labels['pod-security.kubernetes.io/enforce-version']).toBeDefined();
  });

  describe('Pod Security admission on the rendered namespaces', () => {
    let generated: TempRepo;
    let components: TempRepo;
    let kubeVersion: string;
    const admitted: string[] = [];

    beforeAll(async () => {
      [generated, components] = await Promise.all([generatedRepo(2), allComponentsRepo()]);
      kubeVersion = (await cp.api<{ gitVersion: string }>('/version'))!.gitVersion.replace(/^v/, '');
    });
    afterAll(() => {
      console.log(`Pod Security restricted admitted with no warning (${admitted.length} pods): ${admitted.join(', ')}`);
      generated?.cleanup();
      components?.cleanup();
    });

    /** Every Deployment and StatefulSet the chart renders for a repository's values files. */
    async function workloads(root: string): Promise<{ where: string; namespace: string; doc: Doc }[]> {
      const out: { where: string; namespace: string; doc: Doc }[] = [];
      for (const env of ['dev', 'staging', 'prod']) {
        const file = path.join(root, 'rendered', env, 'namespaces.yaml');
        try {
          await cp.apply(readFileSync(file, 'utf8'));
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        }
      }
      for (const c of renderedClaims(root)) {
        for (const unit of c.units) {
          const { stdout } = await helm(['template', unit.release, path.join(root, 'charts/common'), '--namespace', c.namespace, '--kube-version', kubeVersion, '-f', unit.valuesFile]);
          const docs = parseAllDocuments(stdout).map((d) => d.toJS() as Doc | null).filter((d): d is Doc => d !== null);
          // The pods' ServiceAccounts, for real: the ServiceAccount admission plugin refuses a pod whose account is missing.
          const accounts = docs.filter((d) => d.kind === 'ServiceAccount');
          if (accounts.length > 0) await cp.kubectl(['apply', '--server-side', '-n', c.namespace, '-f', '-'], { input: accounts.map((d) => JSON.stringify(d)).join('\n---\n') });
          for (const doc of docs) {
            if (doc.kind === 'Deployment' || doc.kind === 'StatefulSet') out.push({ where: `${c.env}/${c.claim}/${unit.name}`, namespace: c.namespace, doc });
          }
        }
      }
      return out;
    }

    async function createPod(namespace: string, name: string, spec: Doc) {
      const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace }, spec };
      return cp.kubectl(['create', '--dry-run=server', '-o', 'name', '-f', '-'], { input: JSON.stringify(pod), allowFailure: true });
    }

    it.each([
      ['the examples', () => REPO_ROOT],
      ['a generated repository', () => generated.root],
      ['every component type', () => components.root],
    ])('admits the pod of every workload of %s, with no warning', async (_what, root) => {
      const found = await workloads(root());
      expect(found.length).toBeGreaterThan(0);
      for (const { where, namespace, doc } of found) {
        // Made by kube-controller-manager in each new namespace; pods without an account use it.
        await cp.waitFor(async () => (await cp.api(`/api/v1/namespaces/${namespace}/serviceaccounts/default`)) !== undefined, { what: `default ServiceAccount in ${namespace}` });
        const labels = (await cp.api<{ metadata: { labels: Record<string, string> } }>(`/api/v1/namespaces/${namespace}`))!.metadata.labels;
        expect(labels['pod-security.kubernetes.io/enforce'], namespace).toBe('restricted');
        // The workload itself: Pod Security warns (never enforces) on pod templates.
        const workload = await cp.kubectl(['apply', '--server-side', '--dry-run=server', '-n', namespace, '-f', '-'], { input: JSON.stringify(doc), allowFailure: true });
        expect(workload.code, `${where}: ${workload.stderr}`).toBe(0);
        expect(workload.stderr, where).not.toMatch(/Warning/i);
          // A StatefulSet's controller adds a volume per volumeClaimTemplate to its pods; so does this pod.
        const claims = (doc.spec.volumeClaimTemplates ?? []) as { metadata: { name: string } }[];
        const spec = { ...doc.spec.template.spec, volumes: [...(doc.spec.template.spec.volumes ?? []), ...claims.map((c) => ({ name: c.metadata.name, persistentVolumeClaim: { claimName: `${c.metadata.name}-${doc.metadata.name}-0` } }))] };
        const pod = await createPod(namespace, `${doc.metadata.name}-psa`, spec);
        expect(pod.code, `${where}: ${pod.stderr}`).toBe(0);
        expect(pod.stderr, where).not.toMatch(/Warning/i);
        admitted.push(`${where} (${doc.kind})`);
      }
    });

    it('refuses an escalating pod with added capabilities, and a root one, in a tenant namespace', async () => {
      await cp.waitFor(async () => (await cp.api(`/api/v1/namespaces/${NAMESPACE}/serviceaccounts/default`)) !== undefined, { what: `default ServiceAccount in ${NAMESPACE}` });
      // (A `privileged: true` container never gets this far: this API server runs without
      // --allow-privileged and refuses it first. Capabilities and escalation are Pod Security's.)
      const privileged = await createPod(NAMESPACE, 'privileged', { containers: [{ name: 'c', image: 'busybox', securityContext: { allowPrivilegeEscalation: true, capabilities: { add: ['NET_ADMIN', 'SYS_ADMIN'] } } }] });
      expect(privileged.code).not.toBe(0);
      expect(privileged.stderr).toMatch(/violates PodSecurity "restricted:v1\.\d+".*(allowPrivilegeEscalation|capabilities)/);
      const root = await createPod(NAMESPACE, 'root', {
        securityContext: { runAsNonRoot: true, runAsUser: 0, seccompProfile: { type: 'RuntimeDefault' } },
        containers: [{ name: 'c', image: 'busybox', securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } } }],
      });
      expect(root.code).not.toBe(0);
      expect(root.stderr).toMatch(/violates PodSecurity.*runAsUser=0/);
    });
  });
});

