/**
 * Three public applications written with first-class claim fields only (no `values:`), in dev,
 * staging and prod: Google's Online Boutique, stefanprodan/podinfo and a Django shop
 * (test/fixtures/real-apps), each as one base claim (deployments/base/) plus per-environment
 * overlays holding only what differs. Rendered by the real CLI, templated by the real helm,
 * checked object by object against the Kubernetes schemas and the operators' CRDs, and compared
 * with reviewed golden files (test/fixtures/golden-real-apps; UPDATE_GOLDEN=1 rewrites them).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { StatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Service } from 'kubernetes-models/v1/Service';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { git, makeOrigin } from '../support/git.js';
import { HELM, helmTemplate, type K8sObject } from '../support/helm.js';
import { OPERATOR_CRDS, validateOperatorObject } from '../support/operator-crds.js';
import { cli, REPO_ROOT, type TempRepo, tempRepo } from '../support/repo.js';

const FIXTURE = path.join(REPO_ROOT, 'test/fixtures/real-apps/deployments');
const GOLDEN = path.join(REPO_ROOT, 'test/fixtures/golden-real-apps');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const ENVS = ['dev', 'staging', 'prod'] as const;
const FOLDERS = ['base', ...ENVS];
const CORE: Record<string, new (o: any) => { validate(): void }> = { Deployment, StatefulSet, Service, ServiceAccount, HorizontalPodAutoscaler, PodDisruptionBudget, Ingress, ConfigMap };

let repo: TempRepo;
beforeAll(async () => {
  repo = tempRepo(fixtureFiles());
  const r = await cli(repo.root, 'render');
  expect(r.code, r.stderr).toBe(0);
});
afterAll(() => repo.cleanup());

/** deployments/<base|env>/<claim>.yaml → text, as the fixture holds them. */
function fixtureFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const dir of FOLDERS) for (const f of readdirSync(path.join(FIXTURE, dir))) files[`deployments/${dir}/${f}`] = readFileSync(path.join(FIXTURE, dir, f), 'utf8');
  return files;
}

/** rendered/<env>/<claim>/<unit>/values.yaml, every one the render wrote. */
function valuesFiles(): string[] {
  const out: string[] = [];
  for (const env of ENVS) {
    for (const claim of readdirSync(path.join(repo.root, 'rendered', env), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
      for (const unit of readdirSync(path.join(repo.root, 'rendered', env, claim)).sort()) {
        if (!unit.endsWith('.yaml')) out.push(`rendered/${env}/${claim}/${unit}/values.yaml`);
      }
    }
  }
  return out;
}
const values = (env: string, claim: string, unit: string) => parse(repo.read(`rendered/${env}/${claim}/${unit}/values.yaml`)) as Record<string, any>;
const objectsOf = async (env: string, claim: string, unit: string) => (await helmTemplate(path.join(repo.root, `rendered/${env}/${claim}/${unit}/values.yaml`), `${claim}-${unit}`)).objects;
const deployment = async (env: string, claim: string, unit: string) => (await objectsOf(env, claim, unit)).find((o) => o.kind === 'Deployment')!;

describe('three real applications in first-class fields only', () => {
  it('no claim uses the values: escape hatch', () => {
    const files = Object.entries(fixtureFiles());
    expect(files).toHaveLength(4 * 3);
    for (const [file, text] of files) expect(text, file).not.toMatch(/^\s+values:/m);
  });

  it('each app is one base claim plus environments that hold only their differences', () => {
    // The environment files name what differs (hosts, Django settings, prod's sizes); the base holds the rest.
    for (const claim of ['boutique', 'podinfo', 'bazaar']) {
      expect(repo.read(`rendered/prod/${claim}/applicationset.yaml`).split('\n')[0]).toContain(`from deployments/base/${claim}.yaml + deployments/prod/${claim}.yaml.`);
      for (const env of ENVS) expect(readFileSync(path.join(FIXTURE, env, `${claim}.yaml`), 'utf8').split('\n').length).toBeLessThan(30);
    }
    expect(values('staging', 'bazaar', 'worker').env).toContainEqual({ name: 'DJANGO_SETTINGS_MODULE', value: 'bazaar.settings.staging' });
    expect(values('prod', 'bazaar', 'order-events').env).toContainEqual({ name: 'DJANGO_SETTINGS_MODULE', value: 'bazaar.settings.prod' });
    expect(values('prod', 'podinfo', 'podinfo').env).toContainEqual({ name: 'PODINFO_UI_MESSAGE', value: 'podinfo in prod' });
  });

  it('renders every unit of every environment', () => {
    const units = valuesFiles().map((f) => f.split('/').slice(1, 4).join('/'));
    // boutique: 11 services (loadgenerator off in prod) + redis; podinfo: app + redis; bazaar: 4 apps + 5 components
    expect(units.filter((u) => u.startsWith('dev/'))).toHaveLength(12 + 2 + 9);
    expect(units.filter((u) => u.startsWith('prod/'))).toHaveLength(11 + 2 + 9);
  });

  it('values say what the claims say: gRPC probes, app addresses behind their servicePort, UID 1000', () => {
    const checkout = values('prod', 'boutique', 'checkoutservice');
    expect(checkout.probes.readiness).toMatchObject({ grpc: { port: 5050 }, periodSeconds: 5 });
    expect(checkout.env).toContainEqual({ name: 'EMAILSERVICE_PORT', value: '5000' });
    const names = checkout.env.map((e: { name: string }) => e.name);
    expect(names.indexOf('EMAIL_SERVICE_ADDR')).toBeGreaterThan(names.indexOf('EMAILSERVICE_PORT'));
    expect(checkout.podSecurityContext).toEqual({ runAsUser: 1000, runAsGroup: 1000 });
    expect(values('dev', 'boutique', 'redis-cart').redis.persistence).toEqual({ enabled: false });
    const lg = values('dev', 'boutique', 'loadgenerator');
    expect([lg.replicas, lg.strategy, lg.autoscaling.enabled]).toEqual([1, { type: 'Recreate' }, false]);
  });

  it('the Django beat is one pod in prod, the web app highly available and spread over zones', () => {
    const beat = values('prod', 'bazaar', 'beat');
    expect([beat.replicas, beat.autoscaling.enabled, beat.podDisruptionBudget.enabled, beat.strategy, beat.topologySpread]).toEqual([1, false, false, { type: 'Recreate' }, undefined]);
    const web = values('prod', 'bazaar', 'web');
    expect([web.autoscaling.minReplicas, web.podDisruptionBudget.enabled, web.topologySpread]).toEqual([3, true, true]);
    expect(web.serviceAccount.annotations).toEqual({ 'eks.amazonaws.com/role-arn': 'arn:aws:iam::123456789012:role/bazaar-media-prod' });
    // CELERY_BROKER_URL=$(RABBITMQ_URL) comes after RABBITMQ_URL, which uses: adds after the claim's env
    const names = web.env.map((e: { name: string }) => e.name);
    expect(names.indexOf('CELERY_BROKER_URL')).toBeGreaterThan(names.indexOf('RABBITMQ_URL'));
    expect(names.indexOf('CACHE_URL')).toBeGreaterThan(names.indexOf('REDIS_URL'));
  });
});

describe.skipIf(!HELM)('three real applications through charts/common', () => {
  it('every unit templates to objects valid against their schemas and matches its golden file', async () => {
    const files = valuesFiles();
    expect(files.length).toBeGreaterThan(60);
    for (const file of files) {
      const [, env, claim, unit] = file.split('/') as [string, string, string, string];
      const { text, objects } = await helmTemplate(path.join(repo.root, file), `${claim}-${unit}`);
      for (const o of objects) {
        if (OPERATOR_CRDS[o.kind]) validateOperatorObject(o);
        else if (CORE[o.kind]) new CORE[o.kind]!(o).validate();
        else throw new Error(`${file}: unexpected kind ${o.kind}`);
      }
      const golden = path.join(GOLDEN, env!, claim!, `${unit}.yaml`);
      if (UPDATE) {
        mkdirSync(path.dirname(golden), { recursive: true });
        writeFileSync(golden, text);
      }
      expect(text, file).toBe(readFileSync(golden, 'utf8'));
    }
  }, 300_000);

  it('frontend: HTTP probes with the Cookie header, Service 80 → 8080, Ingress with a cert-manager certificate', async () => {
    const objects = await objectsOf('prod', 'boutique', 'frontend');
    const c = objects.find((o) => o.kind === 'Deployment')!.spec.template.spec.containers[0];
    expect(c.readinessProbe.httpGet).toEqual({ path: '/_healthz', port: 8080, httpHeaders: [{ name: 'Cookie', value: 'shop_session-id=x-readiness-probe' }] });
    expect(objects.find((o) => o.kind === 'Service')!.spec.ports).toEqual([{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }]);
    const ingress = objects.find((o) => o.kind === 'Ingress')! as K8sObject & { metadata: { annotations: Record<string, string> } };
    expect(ingress.metadata.annotations).toEqual({ 'cert-manager.io/cluster-issuer': 'letsencrypt' });
    expect(ingress.spec.tls).toEqual([{ hosts: ['boutique.example.com'], secretName: 'frontend-tls' }]);
    expect(ingress.spec.rules[0].http.paths[0].backend.service).toEqual({ name: 'frontend', port: { number: 80 } });
  });

  it('podinfo: runs as a numeric non-root UID, its config file mounted from a ConfigMap, the cache URL expanded', async () => {
    const objects = await objectsOf('dev', 'podinfo', 'podinfo');
    const pod = objects.find((o) => o.kind === 'Deployment')!.spec.template.spec;
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 65532, runAsGroup: 65532 });
    expect(pod.enableServiceLinks).toBe(false);
    const c = pod.containers[0];
    expect(c.command).toEqual(['./podinfo']);
    expect(c.volumeMounts).toContainEqual({ name: 'config', mountPath: '/podinfo/config', readOnly: true });
    expect(pod.volumes).toContainEqual({ name: 'config', configMap: { name: 'podinfo-config' } });
    expect(pod.volumes).toContainEqual({ name: 'data', emptyDir: { sizeLimit: '256Mi' } });
    expect(objects.find((o) => o.kind === 'ConfigMap')!).toMatchObject({ metadata: { name: 'podinfo-config' }, data: { 'config.yaml': 'level: info\n' } });
    const names = c.env.map((e: { name: string }) => e.name);
    expect(names.indexOf('PODINFO_CACHE_SERVER')).toBeGreaterThan(names.indexOf('REDIS_URL'));
  });

  it('podinfo: a ServiceMonitor scrapes its metrics port through the Service, by the port name the Service gives it', async () => {
    const objects = await objectsOf('prod', 'podinfo', 'podinfo');
    const service = objects.find((o) => o.kind === 'Service')!;
    const monitor = objects.find((o) => o.kind === 'ServiceMonitor')!;
    expect(monitor.apiVersion).toBe('monitoring.coreos.com/v1');
    expect(monitor.spec.endpoints).toEqual([{ port: 'http-metrics', path: '/metrics', interval: '30s' }]);
    expect(service.spec.ports).toContainEqual({ name: 'http-metrics', port: 9797, targetPort: 'http-metrics', protocol: 'TCP' });
    // It selects the app's Service (by that Service's own labels) and nothing else.
    for (const [k, v] of Object.entries(monitor.spec.selector.matchLabels)) expect(service.metadata.labels?.[k], k).toBe(v);
  });

  it('the Celery beat Deployment is Recreate with one replica; the web Deployment spreads over zones and nodes', async () => {
    const beat = await deployment('prod', 'bazaar', 'beat');
    expect([beat.spec.replicas, beat.spec.strategy]).toEqual([1, { type: 'Recreate' }]);
    expect((await objectsOf('prod', 'bazaar', 'beat')).map((o) => o.kind).sort()).toEqual(['Deployment', 'ServiceAccount']);
    const web = await deployment('prod', 'bazaar', 'web');
    expect(web.spec.template.spec.topologySpreadConstraints.map((t: { topologyKey: string }) => t.topologyKey)).toEqual(['topology.kubernetes.io/zone', 'kubernetes.io/hostname']);
  });
});

describe('a change to a real app base claim in the PR comment', () => {
  it('says which environments it reaches and where the rendered output changes', () => {
    const origin = makeOrigin(fixtureFiles());
    try {
      const ws = origin.clone();
      const bin = path.join(REPO_ROOT, 'dist/cli.js');
      execFileSync(process.execPath, [bin, 'render'], { cwd: ws });
      git(ws, 'add', '-A');
      git(ws, 'commit', '-qm', 'render');
      // podinfo's log level, set once in the base, reaches all three environments; the beat's
      // resources in bazaar's base reach every environment too; boutique is not touched.
      const edit = (file: string, from: string, to: string) => writeFileSync(path.join(ws, file), readFileSync(path.join(ws, file), 'utf8').replace(from, to));
      edit('deployments/base/podinfo.yaml', '--level=info', '--level=debug');
      edit('deployments/base/bazaar.yaml', 'limits: { cpu: 200m, memory: 256Mi }', 'limits: { cpu: 200m, memory: 384Mi }');
      const markdown = execFileSync(process.execPath, [bin, 'diff', '--base', 'HEAD'], { cwd: ws, encoding: 'utf8' });
      expect(markdown).toContain('- Base claim `deployments/base/podinfo.yaml` changed: it reaches `dev`, `prod`, `staging`; rendered output changes in `dev`, `prod`, `staging`.');
      expect(markdown).toContain('- Base claim `deployments/base/bazaar.yaml` changed: it reaches `dev`, `prod`, `staging`; rendered output changes in `dev`, `prod`, `staging`.');
      expect(markdown).not.toContain('deployments/base/boutique.yaml');
      for (const env of ENVS) {
        expect(markdown).toContain(`| \`${env}\` | \`podinfo\` | — | — | \`podinfo\` | +1 −1 |`);
        expect(markdown).toContain(`| \`${env}\` | \`bazaar\` | — | — | \`beat\` | +1 −1 |`);
      }
    } finally {
      origin.cleanup();
    }
  }, 60_000);
});
