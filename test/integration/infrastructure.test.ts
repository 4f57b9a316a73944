/**
 * infrastructure/: what can be checked without a cloud account. `fmt -check` (terraform, or the
 * tofu .ci/bootstrap builds), the HCL parsed with @cdktf/hcl2json and its variables checked
 * against their uses and the tfvars, and the Argo CD entry points validated against the
 * upstream Application CRD.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseHcl } from '@cdktf/hcl2json';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { crdValidator, errorsOf } from '../support/crd.js';
import { REPO_ROOT } from '../support/repo.js';
import { TOOLS, toolOrSkip } from '../support/tools.js';

const AWS = path.join(REPO_ROOT, 'infrastructure/aws');
const ARGOCD = path.join(REPO_ROOT, 'infrastructure/argocd');
const ENVS = readdirSync(path.join(REPO_ROOT, 'deployments'), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

const TERRAFORM = toolOrSkip(TOOLS.terraform);

describe('terraform', () => {
  it.skipIf(!TERRAFORM)('is formatted (fmt -check)', () => {
    execFileSync(TERRAFORM!, ['fmt', '-check', '-recursive', 'infrastructure'], { cwd: REPO_ROOT, stdio: 'pipe' });
  });

  it('parses, and every variable used is declared, and every tfvars key is a variable', async () => {
    const declared = new Set<string>();
    const used = new Set<string>();
    for (const file of readdirSync(AWS).filter((f) => f.endsWith('.tf'))) {
      const text = readFileSync(path.join(AWS, file), 'utf8');
      const json = (await parseHcl(file, text)) as { variable?: Record<string, unknown> };
      for (const name of Object.keys(json.variable ?? {})) declared.add(name);
      for (const m of text.matchAll(/\bvar\.([A-Za-z_][A-Za-z0-9_]*)/g)) used.add(m[1]!);
    }
    expect([...used].filter((v) => !declared.has(v))).toEqual([]);
    for (const file of readdirSync(path.join(AWS, 'environments')).filter((f) => f.endsWith('.tfvars'))) {
      const json = (await parseHcl(file, readFileSync(path.join(AWS, 'environments', file), 'utf8'))) as Record<string, unknown>;
      expect(Object.keys(json).filter((k) => !declared.has(k)), file).toEqual([]);
    }
  });

  it('refuses broken HCL (the parser really checks)', async () => {
    await expect(parseHcl('bad.tf', 'resource "x" "y" {')).rejects.toThrow(/Unclosed/);
  });

  it('every environment under deployments/ has exactly one cluster (one Argo CD per environment)', async () => {
    const served: string[] = [];
    for (const file of readdirSync(path.join(AWS, 'environments')).filter((f) => f.endsWith('.tfvars'))) {
      const json = (await parseHcl(file, readFileSync(path.join(AWS, 'environments', file), 'utf8'))) as { environment: string };
      expect(file).toBe(`${json.environment}.tfvars`);
      served.push(json.environment);
    }
    expect(served.sort()).toEqual(ENVS);
  });

  it('keeps registry credentials out of the code: only from a sensitive variable', () => {
    const argocd = readFileSync(path.join(AWS, 'argocd.tf'), 'utf8');
    expect(argocd).toMatch(/password\s*=\s*var\.chart_registry_token/);
    const variables = readFileSync(path.join(AWS, 'variables.tf'), 'utf8');
    expect(variables).toMatch(/variable "chart_registry_token" \{[^}]*sensitive\s*=\s*true/s);
    expect(readdirSync(AWS).some((f) => f.startsWith('chartmuseum'))).toBe(false);
  });

  it('runs Argo CD v3.6.1 with the ApplicationSet policy `sync` (Applications of removed units are deleted)', async () => {
    const json = (await parseHcl('argocd.tf', readFileSync(path.join(AWS, 'argocd.tf'), 'utf8'))) as {
      resource: { helm_release: { argocd: { values: string[] }[] } };
    };
    const values = json.resource.helm_release.argocd[0]!.values.join('\n');
    expect(values).toMatch(/"applicationsetcontroller\.policy"\s*=\s*"sync"/);
    expect(values).toMatch(/tag\s*=\s*var\.argocd_version\b/);
    const variables = (await parseHcl('variables.tf', readFileSync(path.join(AWS, 'variables.tf'), 'utf8'))) as {
      variable: Record<string, { default: string }[]>;
    };
    expect(variables.variable.argocd_version![0]!.default).toBe('v3.6.1');
  });
});

describe('the Argo CD entry point', () => {
  it.each(ENVS.map((env) => [env, env]))("%s has a root Application that applies rendered/%s's ApplicationSets and AppProjects only", (env) => {
    const app = parse(readFileSync(path.join(ARGOCD, `root-${env}.yaml`), 'utf8'));
    const validate = crdValidator('argo-cd-v3.6.1/application-crd.yaml');
    expect(validate(app), errorsOf(validate)).toBe(true);
    // The repository root, not rendered/<env>: that folder (and in a one-environment repository
    // rendered/ too) vanishes with the environment's last claim, and a missing path never prunes.
    expect(app.spec.source.path).toBe('.');
    expect(app.spec.source.directory).toEqual({
      recurse: true,
      include: `{rendered/${env}/*/applicationset.yaml,rendered/${env}/*/appproject.yaml,rendered/${env}/namespaces.yaml}`,
    });
    expect(app.spec.destination.namespace).toBe('argocd');
    // Prunes in the background: the two-wave prune (ApplicationSet, then AppProject) would
    // otherwise wait for every Application of a removed claim to finish its teardown.
    expect(app.spec.syncPolicy).toMatchObject({ automated: { prune: true, selfHeal: true, allowEmpty: true }, syncOptions: ['PrunePropagationPolicy=background'] });
    // Not `default` (every kind, everywhere): the platform project, which allows what a root applies.
    expect(app.spec.project).toBe('infraforge-platform');
    // The same repository the rendered ApplicationSets read their values from.
    const settings = parse(readFileSync(path.join(REPO_ROOT, 'deployments/settings.yaml'), 'utf8'));
    expect(app.spec.source.repoURL).toBe(settings.spec.git.repoURL);
  });

  it('runs the roots in a platform AppProject that allows only ApplicationSets and AppProjects in argocd, and Namespaces', () => {
    const project = parse(readFileSync(path.join(ARGOCD, 'platform-project.yaml'), 'utf8'));
    const validate = crdValidator('argo-cd-v3.6.1/appproject-crd.yaml');
    expect(validate(project), errorsOf(validate)).toBe(true);
    expect(project.metadata).toEqual({ name: 'infraforge-platform', namespace: 'argocd' });
    expect(project.spec.destinations).toEqual([{ server: 'https://kubernetes.default.svc', namespace: 'argocd' }]);
    expect(project.spec.namespaceResourceWhitelist).toEqual([
      { group: 'argoproj.io', kind: 'ApplicationSet' },
      { group: 'argoproj.io', kind: 'AppProject' },
    ]);
    expect(project.spec.clusterResourceWhitelist).toEqual([{ group: '', kind: 'Namespace' }]);
    const settings = parse(readFileSync(path.join(REPO_ROOT, 'deployments/settings.yaml'), 'utf8'));
    expect(project.spec.sourceRepos).toEqual([settings.spec.git.repoURL]);
  });

  it('has no root Application for an environment that does not exist', () => {
    const roots = readdirSync(ARGOCD).filter((f) => /^root-.*\.yaml$/.test(f)).map((f) => f.slice(5, -5)).sort();
    expect(roots).toEqual(ENVS);
  });
});

describe('component operators', () => {
  const hcl = async (file: string) => (await parseHcl(file, readFileSync(path.join(AWS, file), 'utf8'))) as any;
  const crdDirs = readdirSync(path.join(REPO_ROOT, 'test/crds'));

  it('each operator the chart renders for is installed, at the version whose CRD the renderer is tested against', async () => {
    const releases = (await hcl('addons.tf')).resource.helm_release;
    const versions = (await hcl('variables.tf')).variable.addon_versions[0].default;
    // type → [helm_release, addon_versions key, vendored CRD folder]
    const expected: Record<string, [string, string, string]> = {
      elasticsearch: ['eck_operator', 'eck_operator', 'eck-v'],
      kafka: ['strimzi', 'strimzi', 'strimzi-'],
      mongodb: ['mongodb_kubernetes', 'mongodb_kubernetes', 'mongodb-kubernetes-'],
    };
    for (const [type, [release, key, crdPrefix]] of Object.entries(expected)) {
      const r = releases[release][0];
      expect(r.version, type).toBe(`\${var.addon_versions.${key}}`);
      expect(r.count, type).toBe(`\${contains(local.operators, "${type}") ? 1 : 0}`);
      expect(crdDirs, type).toContain(`${crdPrefix}${versions[key]}`);
    }
    // RabbitMQ ships no chart: Argo CD applies its release manifest through our kustomization.
    expect(releases.rabbitmq_cluster_operator[0].count).toBe('${contains(local.operators, "rabbitmq") ? 1 : 0}');
    const kustomization = parse(readFileSync(path.join(REPO_ROOT, 'infrastructure/operators/rabbitmq/kustomization.yaml'), 'utf8'));
    const url = kustomization.resources[0] as string;
    const version = /\/releases\/download\/(v[0-9.]+)\/cluster-operator\.yml$/.exec(url)?.[1];
    expect(crdDirs).toContain(`rabbitmq-cluster-operator-${version}`);
    expect(readFileSync(path.join(AWS, 'addons.tf'), 'utf8')).toContain('path           = "infrastructure/operators/rabbitmq"');
  });

  it('the operators a repository needs come from its rendered values, and the root app waits for them', async () => {
    const locals = (await hcl('addons.tf')).locals.find((l: any) => l.rendered_types);
    expect(locals.rendered_dir).toBe('${path.module}/../../rendered/${var.environment}');
    expect(locals.operators).toBe('${setunion(local.rendered_types, toset(var.component_operators))}');
    // Every type the chart renders as an operator resource is a type the values can name.
    const schema = JSON.parse(readFileSync(path.join(REPO_ROOT, 'charts/common/values.schema.json'), 'utf8'));
    expect(schema.properties.type.enum).toEqual(expect.arrayContaining(['rabbitmq', 'mongodb', 'elasticsearch', 'kafka']));
    const root = (await hcl('argocd.tf')).resource.helm_release.root_apps[0];
    expect(root.depends_on).toEqual(expect.arrayContaining(['${helm_release.cloudnative_pg}', '${helm_release.eck_operator}', '${helm_release.strimzi}', '${helm_release.mongodb_kubernetes}']));
  });
});
