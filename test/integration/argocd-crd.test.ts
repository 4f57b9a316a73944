/**
 * Rendered ApplicationSets and AppProjects, and every Application an ApplicationSet expands
 * to, pass the upstream Argo CD v3.6.1 CRD schemas with strict field checking.
 */
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claim, cli, REPO_ROOT, type TempRepo, tempRepo } from '../support/repo.js';
import { crdValidator, errorsOf, expandApplicationSet } from '../support/crd.js';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

function renderedFiles(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const name of readdirSync(path.join(root, rel)).sort()) {
      const child = `${rel}/${name}`;
      if (statSync(path.join(root, child)).isDirectory()) walk(child);
      else out[child] = readFileSync(path.join(root, child), 'utf8');
    }
  };
  walk('rendered');
  return out;
}

describe('the committed example rendering', () => {
  const files = renderedFiles(REPO_ROOT);
  const appsets = Object.entries(files).filter(([p]) => p.endsWith('/applicationset.yaml'));
  const projects = Object.entries(files).filter(([p]) => p.endsWith('/appproject.yaml'));

  it('has an ApplicationSet and an AppProject per claim', () => {
    expect(appsets.length).toBe(3);
    expect(projects.length).toBe(3);
  });

  it.each(appsets)('%s is a valid ApplicationSet, and so is every Application it makes', (file, text) => {
    const doc = parse(text) as Record<string, unknown>;
    const validate = crdValidator('argo-cd-v3.6.1/applicationset-crd.yaml');
    expect(validate(doc), errorsOf(validate)).toBe(true);

    const apps = expandApplicationSet(doc);
    const dir = path.posix.dirname(file);
    const units = Object.keys(files).filter((p) => p.startsWith(`${dir}/`) && p.endsWith('/values.yaml'));
    expect(apps.length).toBe(units.length);
    const validateApp = crdValidator('argo-cd-v3.6.1/application-crd.yaml');
    for (const app of apps) {
      expect(validateApp(app), errorsOf(validateApp)).toBe(true);
      const spec = app.spec as { sources: { helm?: { valueFiles: string[]; releaseName: string }; ref?: string; repoURL: string }[]; project: string; destination: { namespace: string } };
      const valueFile = spec.sources[0]!.helm!.valueFiles[0]!;
      // The value file Argo CD will read exists in the rendered tree, inside this repository.
      expect(valueFile.startsWith('$values/rendered/')).toBe(true);
      expect(files[valueFile.slice('$values/'.length)]).toBeDefined();
      expect(spec.sources[1]!.ref).toBe('values');
      expect(spec.sources[0]!.helm!.releaseName.length).toBeLessThanOrEqual(53);
      expect((app.metadata as { name: string }).name).toBe(spec.sources[0]!.helm!.releaseName);
    }
  });

  it.each(projects)('%s is a valid AppProject limited to one namespace', (_file, text) => {
    const doc = parse(text) as { spec: { destinations: { namespace: string }[]; sourceRepos: string[] } };
    const validate = crdValidator('argo-cd-v3.6.1/appproject-crd.yaml');
    expect(validate(doc), errorsOf(validate)).toBe(true);
    expect(doc.spec.destinations).toHaveLength(1);
    expect(doc.spec.destinations[0]!.namespace).not.toContain('*');
    expect(doc.spec.sourceRepos).toHaveLength(2);
  });
});

describe('deletion semantics (the README lifecycle table; proven with the real controller in test/e2e)', () => {
  const files = renderedFiles(REPO_ROOT);
  const of = (suffix: string) => Object.entries(files).filter(([p]) => p.endsWith(suffix)).map(([, t]) => parse(t) as Record<string, any>);

  it('ApplicationSets leave the resources finalizer to Argo CD: none in the template, resources not preserved', () => {
    for (const set of of('/applicationset.yaml')) {
      expect(set.spec.template.metadata.finalizers).toBeUndefined();
      expect(set.spec.syncPolicy?.preserveResourcesOnDeletion ?? false).toBe(false);
    }
  });

  it('AppProjects sync one wave before ApplicationSets (so a new claim\'s project is there first, and is pruned after)', () => {
    for (const project of of('/appproject.yaml')) expect(project.metadata.annotations['argocd.argoproj.io/sync-wave']).toBe('-1');
    for (const set of of('/applicationset.yaml')) expect(set.metadata.annotations?.['argocd.argoproj.io/sync-wave']).toBeUndefined();
  });

  it('AppProjects carry the resources finalizer, so they outlive their Applications', () => {
    for (const project of of('/appproject.yaml')) {
      expect(project.metadata.finalizers).toEqual(['resources-finalizer.argocd.argoproj.io']);
    }
  });
});

describe('strict checking catches what it should', () => {
  it('rejects an unknown field in an ApplicationSet', () => {
    const validate = crdValidator('argo-cd-v3.6.1/applicationset-crd.yaml');
    const text = readFileSync(path.join(REPO_ROOT, 'rendered/dev/ecommerce/applicationset.yaml'), 'utf8');
    const doc = parse(text) as { spec: Record<string, unknown> };
    doc.spec.templateTypo = true;
    expect(validate(doc)).toBe(false);
  });

  it('rejects a template that refers to a key the elements lack', () => {
    const text = readFileSync(path.join(REPO_ROOT, 'rendered/dev/ecommerce/applicationset.yaml'), 'utf8');
    const doc = parse(text) as { spec: { template: { metadata: { name: string } } } };
    doc.spec.template.metadata.name = '{{.release}}';
    expect(() => expandApplicationSet(doc as never)).toThrow(/no entry for key "release"/);
  });
});

describe('a larger synthetic claim set', () => {
  let repo: TempRepo;
  beforeAll(async () => {
    const files: Record<string, string> = {};
    for (const env of ['dev', 'staging', 'prod', 'qa']) {
      for (let i = 0; i < 5; i++) {
        files[`deployments/${env}/c${i}.yaml`] = claim(`claim-${i}`, env)
          .replace('Shop Team', `Team ${i}`)
          .concat(`      uses: [db]\n      autoscaling:\n        enabled: true\n        maxReplicas: 5\n  components:\n    - type: postgresql\n      name: db\n    - type: redis\n      name: cache\n`);
      }
    }
    repo = tempRepo(files);
    const run = await cli(repo.root, 'render');
    expect(run.code, run.stderr).toBe(0);
  });
  afterAll(() => repo.cleanup());

  it('every ApplicationSet, AppProject and Application validates in every environment', () => {
    const files = renderedFiles(repo.root);
    const validateSet = crdValidator('argo-cd-v3.6.1/applicationset-crd.yaml');
    const validateApp = crdValidator('argo-cd-v3.6.1/application-crd.yaml');
    const validateProject = crdValidator('argo-cd-v3.6.1/appproject-crd.yaml');
    let apps = 0;
    for (const [file, text] of Object.entries(files)) {
      // The platform's Namespaces (several documents) are not Argo CD objects.
      if (file.endsWith('/namespaces.yaml')) continue;
      const doc = parse(text) as Record<string, unknown>;
      if (file.endsWith('/applicationset.yaml')) {
        expect(validateSet(doc), `${file}\n${errorsOf(validateSet)}`).toBe(true);
        for (const app of expandApplicationSet(doc)) {
          apps++;
          expect(validateApp(app), errorsOf(validateApp)).toBe(true);
        }
      } else if (file.endsWith('/appproject.yaml')) {
        expect(validateProject(doc), errorsOf(validateProject)).toBe(true);
      }
    }
    expect(apps).toBe(4 * 5 * 3);
  });
});
