/**
 * charts/common with the real helm binary: lint, template every values file the examples
 * render, and check the objects carry what the claims asked for. Core objects are checked
 * with the kubernetes-models validators, the CloudNativePG Cluster against its upstream CRD
 * with strict field checking, and the full output against reviewed golden files.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { StatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import { Service } from 'kubernetes-models/v1/Service';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helm, HELMS, helmTemplate, type K8sObject, withoutHelm4BlankLines } from '../support/helm.js';
import { OPERATOR_CRDS, validateOperatorObject } from '../support/operator-crds.js';
import { claim, cli, REPO_ROOT, type TempRepo, tempRepo } from '../support/repo.js';

const GOLDEN = path.join(REPO_ROOT, 'test/fixtures/golden');
const CHART = path.join(REPO_ROOT, 'charts/common');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const VALIDATORS: Record<string, new (o: any) => { validate(): void }> = {
  Deployment,
  StatefulSet,
  Service,
  ServiceAccount,
  PodDisruptionBudget,
  HorizontalPodAutoscaler,
  Ingress,
};

function valuesFiles(): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const name of readdirSync(path.join(REPO_ROOT, rel)).sort()) {
      const child = `${rel}/${name}`;
      if (statSync(path.join(REPO_ROOT, child)).isDirectory()) walk(child);
      else if (name === 'values.yaml') out.push(child);
    }
  };
  walk('rendered');
  return out;
}

/** rendered/<env>/<claim>/<unit>/values.yaml → the release name Argo CD gives it. */
function releaseOf(file: string): string {
  const [, , claimName, unit] = file.split('/');
  return `${claimName}-${unit}`;
}

function validateObject(o: K8sObject): void {
  if (OPERATOR_CRDS[o.kind]) return validateOperatorObject(o);
  const Model = VALIDATORS[o.kind];
  if (!Model) throw new Error(`no validator for ${o.kind}`);
  new Model(o).validate();
}

function assertNames(o: K8sObject): void {
  expect(o.metadata.name.length).toBeLessThanOrEqual(63);
  expect(o.metadata.name).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
  for (const [k, v] of Object.entries(o.metadata.labels ?? {})) {
    expect(v.length, k).toBeLessThanOrEqual(63);
    expect(v, k).toMatch(/^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/);
  }
}

describe.each(HELMS)('charts/common with real $label', ({ bin, major }) => {
  const files = valuesFiles();

  it('lints strictly with every rendered values file', async () => {
    expect(files.length).toBe(9);
    for (const file of files) await helm(['lint', '--strict', 'charts/common', '-f', file], REPO_ROOT, bin);
  });

  it.each(files)('%s templates to valid objects that match the golden output', async (file) => {
    const { text, objects } = await helmTemplate(file, releaseOf(file), CHART, bin);
    expect(objects.length).toBeGreaterThan(0);
    for (const o of objects) {
      validateObject(o);
      assertNames(o);
      expect(o.metadata.labels?.['platform.infraforge.io/managed']).toBe('true');
      expect(o.metadata.labels?.['app.kubernetes.io/instance']).toBe(releaseOf(file));
    }
    const golden = path.join(GOLDEN, file.replace(/^rendered\//, '').replace(/\/values\.yaml$/, '.yaml'));
    // The golden files are Helm 3's bytes; Helm 4's differ by one blank line per document, no more.
    if (UPDATE && major === 3) {
      mkdirSync(path.dirname(golden), { recursive: true });
      writeFileSync(golden, text);
    }
    expect(major === 4 ? withoutHelm4BlankLines(text) : text).toBe(readFileSync(golden, 'utf8'));
  });

  it('the prod ecommerce-api Deployment carries what the claim asked for', async () => {
    const { objects } = await helmTemplate('rendered/prod/ecommerce/ecommerce-api/values.yaml', 'ecommerce-ecommerce-api', CHART, bin);
    const deploy = objects.find((o) => o.kind === 'Deployment')!;
    const container = deploy.spec.template.spec.containers[0];
    expect(container.image).toBe('ghcr.io/infraforge/ecommerce-api:1.10@sha256:4f3c2b1a09e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2');
    for (const probe of [container.livenessProbe, container.readinessProbe]) {
      expect(probe).toEqual({ httpGet: { path: '/api/health', port: 3000 }, initialDelaySeconds: 20, periodSeconds: 10, timeoutSeconds: 1, failureThreshold: 3 });
    }
    expect(container.resources).toEqual({ requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '2', memory: '2Gi' } });
    expect(container.env).toContainEqual({ name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: 'main-db-app', key: 'uri' } } });
    expect(container.securityContext).toMatchObject({ runAsNonRoot: true, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
    // autoscaling on: the HPA owns the replica count
    expect(deploy.spec.replicas).toBeUndefined();
    const hpa = objects.find((o) => o.kind === 'HorizontalPodAutoscaler')!;
    expect(hpa.spec).toMatchObject({ minReplicas: 3, maxReplicas: 12 });
    expect(hpa.spec.metrics.map((m: any) => [m.resource.name, m.resource.target.averageUtilization])).toEqual([['cpu', 70], ['memory', 80]]);
    expect(objects.find((o) => o.kind === 'PodDisruptionBudget')!.spec.minAvailable).toBe(1);
    expect(objects.find((o) => o.kind === 'Ingress')!.spec.rules[0].host).toBe('shop.infraforge.io');
  });

  it('the dev ecommerce-api keeps its replicas without an HPA', async () => {
    const { objects } = await helmTemplate('rendered/dev/ecommerce/ecommerce-api/values.yaml', 'ecommerce-ecommerce-api', CHART, bin);
    expect(objects.map((o) => o.kind).sort()).toEqual(['Deployment', 'Service', 'ServiceAccount']);
    expect(objects.find((o) => o.kind === 'Deployment')!.spec.replicas).toBe(2);
  });

  it('main-db is a CloudNativePG Cluster with instances, storage and version from the claim', async () => {
    const { objects } = await helmTemplate('rendered/prod/ecommerce/main-db/values.yaml', 'ecommerce-main-db', CHART, bin);
    expect(objects).toHaveLength(1);
    const cluster = objects[0]!;
    expect(cluster.kind).toBe('Cluster');
    expect(cluster.metadata.name).toBe('main-db'); // so the app secret is main-db-app
    expect(cluster.spec).toMatchObject({
      instances: 3,
      imageName: 'ghcr.io/cloudnative-pg/postgresql:16',
      storage: { size: '100Gi', storageClass: 'gp3' },
      bootstrap: { initdb: { database: 'ecommerce', owner: 'ecommerce' } },
      postgresql: { parameters: { max_connections: '300' } },
      backup: { retentionPolicy: '30d', barmanObjectStore: { destinationPath: 's3://infraforge-prod-backups/ecommerce' } },
    });
  });

  it('redis is a StatefulSet and Service at the claimed version, its password only by reference', async () => {
    const { objects } = await helmTemplate('rendered/prod/ecommerce/cache/values.yaml', 'ecommerce-cache', CHART, bin);
    expect(objects.map((o) => o.kind).sort()).toEqual(['Service', 'StatefulSet']);
    const sts = objects.find((o) => o.kind === 'StatefulSet')!;
    const c = sts.spec.template.spec.containers[0];
    expect(c.image).toBe('docker.io/library/redis:7.4');
    expect(c.env).toEqual([{ name: 'REDIS_PASSWORD', valueFrom: { secretKeyRef: { name: 'ecommerce-redis', key: 'password' } } }]);
    expect(sts.spec.volumeClaimTemplates[0].spec.resources.requests.storage).toBe('10Gi');
    // The password is expanded by the shell from the env var, never written into the manifest.
    expect(c.command[2]).toContain('--requirepass "$REDIS_PASSWORD"');
  });
});

describe.each(HELMS)('values a YAML 1.1 reader would change reach the manifests unchanged ($label)', ({ bin }) => {
  let repo: TempRepo;
  beforeAll(async () => {
    const text = claim('yaml11')
      .replace('version: "1.0.0"', 'version: 1.10')
      .concat('      env:\n        - name: A\n          value: on\n        - name: B\n          value: no\n        - name: C\n          value: "010"\n        - name: D\n          value: 1.10\n        - name: E\n          value: 2024-01-01\n        - name: F\n          value: ~x\n');
    repo = tempRepo({ 'deployments/dev/yaml11.yaml': text });
    const r = await cli(repo.root, 'render');
    expect(r.code, r.stderr).toBe(0);
  });
  afterAll(() => repo.cleanup());

  it('on, no, 010, 1.10 and dates arrive as the same strings', async () => {
    const { objects } = await helmTemplate(path.join(repo.root, 'rendered/dev/yaml11/api/values.yaml'), 'yaml11-api', CHART, bin);
    const c = objects.find((o) => o.kind === 'Deployment')!.spec.template.spec.containers[0];
    expect(c.image).toBe('ghcr.io/acme/api:1.10');
    expect(c.env).toEqual([
      { name: 'A', value: 'on' },
      { name: 'B', value: 'no' },
      { name: 'C', value: '010' },
      { name: 'D', value: '1.10' },
      { name: 'E', value: '2024-01-01' },
      { name: 'F', value: '~x' },
    ]);
  });

  it('helm refuses values that break values.schema.json', async () => {
    const bad = path.join(repo.root, 'bad-values.yaml');
    writeFileSync(bad, 'type: microservice\nreplicas: "3"\nimage: {repository: x, tag: "1"}\n');
    await expect(helm(['template', 'x', path.join(REPO_ROOT, 'charts/common'), '--kube-version', '1.31.0', '-f', bad], REPO_ROOT, bin)).rejects.toThrow(/replicas/);
  });
});
