/**
 * infrastructure/: what can be checked without a cloud account. terraform fmt (the machine's
 * terraform, when there is one), the HCL parsed with @cdktf/hcl2json and its variables checked
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

const AWS = path.join(REPO_ROOT, 'infrastructure/aws');
const ARGOCD = path.join(REPO_ROOT, 'infrastructure/argocd');
const ENVS = readdirSync(path.join(REPO_ROOT, 'deployments'), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

const TERRAFORM = (() => {
  for (const bin of ['terraform', 'tofu']) {
    try {
      execFileSync(bin, ['version'], { stdio: 'pipe' });
      return bin;
    } catch {
      // try the next one
    }
  }
  return undefined;
})();
if (!TERRAFORM) console.warn('infrastructure: no terraform or tofu on PATH; skipping `fmt -check` (HCL is still parsed below)');

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
  it.each(ENVS)('%s has a root Application watching rendered/%s, only ApplicationSets and AppProjects', (env) => {
    const app = parse(readFileSync(path.join(ARGOCD, `root-${env}.yaml`), 'utf8'));
    const validate = crdValidator('argo-cd-v3.6.1/application-crd.yaml');
    expect(validate(app), errorsOf(validate)).toBe(true);
    expect(app.spec.source.path).toBe(`rendered/${env}`);
    expect(app.spec.source.directory).toEqual({ recurse: true, include: '{*/applicationset.yaml,*/appproject.yaml}' });
    expect(app.spec.destination.namespace).toBe('argocd');
    // The same repository the rendered ApplicationSets read their values from.
    const settings = parse(readFileSync(path.join(REPO_ROOT, 'deployments/settings.yaml'), 'utf8'));
    expect(app.spec.source.repoURL).toBe(settings.spec.git.repoURL);
  });

  it('has no root Application for an environment that does not exist', () => {
    const roots = readdirSync(ARGOCD).filter((f) => /^root-.*\.yaml$/.test(f)).map((f) => f.slice(5, -5)).sort();
    expect(roots).toEqual(ENVS);
  });
});
