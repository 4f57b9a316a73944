/**
 * Every object, judged by the API server: each rendered AppProject and ApplicationSet, and every
 * object `helm template` makes from every rendered values file (release `<claim>-<unit>`, the
 * claim's namespace, --kube-version of this API server, as the Application would), passes
 * `kubectl apply --server-side --dry-run=server --validate=strict`: unknown or duplicate fields,
 * schema types and the CRDs' CEL rules are checked by Kubernetes itself, not by our readers.
 * Prints a table: kind → objects checked → failures.
 */
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helm } from '../support/helm.js';
import { REPO_ROOT, type TempRepo } from '../support/repo.js';
import { type ControlPlane, startControlPlane } from './control-plane/index.js';
import { allComponentsRepo, type Doc, generatedRepo, realAppsRepo, type RenderedClaim, renderedClaims } from './support/rendered.js';

const tally = new Map<string, { checked: number; failed: number }>();
const failures: string[] = [];

function count(kind: string, ok: boolean): void {
  const row = tally.get(kind) ?? { checked: 0, failed: 0 };
  row.checked++;
  if (!ok) row.failed++;
  tally.set(kind, row);
}

describe('every rendered object, judged by the API server', () => {
  let cp: ControlPlane;
  let generated: TempRepo;
  let components: TempRepo;
  let realApps: TempRepo;
  let kubeVersion: string;

  beforeAll(async () => {
    [cp, generated, components, realApps] = await Promise.all([startControlPlane({ argocd: false }), generatedRepo(3), allComponentsRepo(), realAppsRepo()]);
    kubeVersion = (await cp.api<{ gitVersion: string }>('/version'))!.gitVersion.replace(/^v/, '');
  });
  afterAll(async () => {
    const rows = [...tally.entries()].sort(([a], [b]) => a.localeCompare(b));
    const table = ['| kind | checked by the server | failures |', '|---|---|---|', ...rows.map(([k, r]) => `| ${k} | ${r.checked} | ${r.failed} |`)];
    console.log(`server-side dry-run, --validate=strict (Kubernetes ${kubeVersion}):\n${table.join('\n')}`);
    await cp?.stop();
    generated?.cleanup();
    components?.cleanup();
    realApps?.cleanup();
  });

  /**
   * Applies the objects in one dry run; on failure, one by one, to name each failing object.
   * Sent as JSON: kubectl reads YAML 1.1, where a plain `on`/`no` that a YAML 1.2 writer
   * emits for the strings "on"/"no" would turn into booleans.
   */
  async function judge(docs: Doc[], where: string, namespace?: string): Promise<void> {
    const ns = namespace ? ['-n', namespace] : [];
    const args = ['apply', '--server-side', '--dry-run=server', '--validate=strict', '--field-manager=argocd-controller', ...ns, '-f', '-'];
    const all = await cp.kubectl(args, { input: docs.map((d) => JSON.stringify(d)).join('\n---\n'), allowFailure: true });
    if (all.code === 0) {
      for (const doc of docs) count(doc.kind, true);
      return;
    }
    for (const doc of docs) {
      const one = await cp.kubectl(args, { input: JSON.stringify(doc), allowFailure: true });
      count(doc.kind, one.code === 0);
      if (one.code !== 0) failures.push(`${where}: ${doc.kind}/${doc.metadata?.name}: ${one.stderr.trim()}`);
    }
  }

  async function judgeRepo(root: string, claims: RenderedClaim[]): Promise<void> {
    const namespaces = [...new Set(claims.map((c) => c.namespace))];
    await cp.apply(namespaces.map((n) => `apiVersion: v1\nkind: Namespace\nmetadata: { name: ${n} }\n`).join('---\n'));
    for (const claim of claims) {
      const where = path.relative(root, path.dirname(claim.applicationSetFile));
      await judge([claim.appProject, claim.applicationSet], where);
      for (const unit of claim.units) {
        const { stdout } = await helm(['template', unit.release, path.join(root, 'charts/common'), '--namespace', claim.namespace,
          '--kube-version', kubeVersion, '-f', unit.valuesFile]);
        const objects = parseAllDocuments(stdout).map((d) => d.toJS() as Doc | null).filter((o): o is Doc => o !== null);
        expect(objects.length, `${where}/${unit.name} renders no objects`).toBeGreaterThan(0);
        await judge(objects, `${where}/${unit.name}`, claim.namespace);
      }
    }
  }

  it('the example repository: every object passes', async () => {
    const claims = renderedClaims(REPO_ROOT);
    expect(claims.length).toBe(3);
    await judgeRepo(REPO_ROOT, claims);
    expect(failures).toEqual([]);
  });

  it('a generated repository (3 claims × dev/staging/prod, 2 apps + postgresql + redis each): every object passes', async () => {
    const claims = renderedClaims(generated.root);
    expect(claims.length).toBe(9);
    await judgeRepo(generated.root, claims);
    expect(failures).toEqual([]);
    // The table covers what the chart makes for apps and both component types.
    for (const kind of ['AppProject', 'ApplicationSet', 'Deployment', 'Service', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'Cluster', 'StatefulSet']) {
      expect(tally.get(kind)?.checked ?? 0, kind).toBeGreaterThan(0);
    }
  });

  it('all six component types (test/fixtures/all-components, dev/staging/prod): every operator resource passes its CRD, CEL rules included', async () => {
    const claims = renderedClaims(components.root);
    expect(claims.length).toBe(3);
    await judgeRepo(components.root, claims);
    expect(failures).toEqual([]);
    for (const kind of ['Cluster', 'StatefulSet', 'RabbitmqCluster', 'MongoDBCommunity', 'Elasticsearch', 'Kafka', 'KafkaNodePool', 'Role', 'RoleBinding', 'KafkaTopic', 'ScheduledBackup', 'Job', 'CronJob']) {
      expect(tally.get(kind)?.checked ?? 0, kind).toBeGreaterThanOrEqual(3);
    }
  });

  it('three real applications (test/fixtures/real-apps: Online Boutique, podinfo, a Django shop; dev/staging/prod): every object passes', async () => {
    const claims = renderedClaims(realApps.root);
    expect(claims.length).toBe(9);
    await judgeRepo(realApps.root, claims);
    expect(failures).toEqual([]);
    // What the first-class application fields make: probes, ingress, config files, spread, IAM, metrics.
    for (const kind of ['Deployment', 'Service', 'Ingress', 'ConfigMap', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'ServiceAccount', 'ServiceMonitor']) {
      expect(tally.get(kind)?.checked ?? 0, kind).toBeGreaterThan(0);
    }
  });

  it('the server really judges: an unknown field and a rule of a CRD (CEL) are enforced', async () => {
    const claim = renderedClaims(REPO_ROOT)[0]!;
    const before = failures.length;
    const unknownField = structuredClone(claim.applicationSet);
    unknownField.spec.template.spec.notAField = true;
    const db = claim.units.find((u) => u.name === 'main-db');
    const { stdout } = await helm(['template', db!.release, path.join(REPO_ROOT, 'charts/common'), '--namespace', claim.namespace,
      '--kube-version', kubeVersion, '-f', db!.valuesFile]);
    const cluster = parseAllDocuments(stdout).map((d) => d.toJS() as Doc).find((o) => o?.kind === 'Cluster')!;
    // A CEL rule of CNPG's CRD (x-kubernetes-validations): imageName and imageCatalogRef exclude each other.
    const both = { ...cluster, spec: { ...cluster.spec, imageName: 'ghcr.io/cloudnative-pg/postgresql:16',
      imageCatalogRef: { apiGroup: 'postgresql.cnpg.io', kind: 'ImageCatalog', name: 'postgresql', major: 16 } } };
    const probe = async (doc: Doc, ns?: string) =>
      (await cp.kubectl(['apply', '--server-side', '--dry-run=server', '--validate=strict', ...(ns ? ['-n', ns] : []), '-f', '-'],
        { input: JSON.stringify(doc), allowFailure: true }));
    const a = await probe(unknownField);
    expect(a.code).not.toBe(0);
    expect(a.stderr).toMatch(/\.spec\.template\.spec\.notAField: field not declared in schema/);
    const b = await probe(both, claim.namespace);
    expect(b.code).not.toBe(0);
    expect(b.stderr).toMatch(/imageName and imageCatalogRef are mutually exclusive/);
    expect(failures.length).toBe(before);
  });
});
