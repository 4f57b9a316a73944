/** deployments/settings.yaml and the flags over it; profiles for environments beyond the built-in three. */
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveProfile } from '../../src/render/profiles.js';
import { claim, cli, type TempRepo, tempRepo } from '../support/repo.js';

let repo: TempRepo;
afterEach(() => repo?.cleanup());

describe('settings', () => {
  it('flags beat the settings file, which beats detection', async () => {
    repo = tempRepo({ 'deployments/dev/shop.yaml': claim('shop').replace('    - name: api\n', '    - name: api\n      serviceName: shop-api\n') });
    expect((await cli(repo.root, 'render')).code).toBe(0);
    const appset = parse(repo.read('rendered/dev/shop/applicationset.yaml'));
    expect(appset.spec.template.spec.sources[1].repoURL).toBe('https://github.com/acme/platform.git');
    expect(appset.spec.template.spec.sources[1].targetRevision).toBe('HEAD');
    expect(appset.spec.template.spec.sources[0].repoURL).toBe('ghcr.io/acme/charts');
    expect(parse(repo.read('rendered/dev/shop/api/values.yaml')).image.repository).toBe('ghcr.io/acme/shop-api');

    const r = await cli(repo.root, 'render', '--repo-url', 'https://git.example.com/team/deploy.git', '--target-revision', 'release', '--image-owner', 'other', '--chart-repository', 'oci://registry.example.com/helm');
    expect(r.code, r.stderr).toBe(0);
    const after = parse(repo.read('rendered/dev/shop/applicationset.yaml'));
    expect(after.spec.template.spec.sources[1]).toMatchObject({ repoURL: 'https://git.example.com/team/deploy.git', targetRevision: 'release' });
    expect(after.spec.template.spec.sources[0].repoURL).toBe('registry.example.com/helm');
    expect(parse(repo.read('rendered/dev/shop/api/values.yaml')).image.repository).toBe('ghcr.io/other/shop-api');
  });

  it('a bad settings file is an input error with its position', async () => {
    repo = tempRepo({ 'deployments/dev/shop.yaml': claim('shop') }, { settings: 'apiVersion: platform.infraforge.io/v1\nkind: RenderSettings\nspec:\n  git:\n    repoURL: http://insecure.example.com/x.git\n' });
    const r = await cli(repo.root, 'render');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^deployments\/settings\.yaml:5:14: .* \(spec\.git\.repoURL\)$/m);
  });

  it('plain http is accepted for a loopback git server only (the local loop), never for a remote host', async () => {
    const settings = (url: string) => `apiVersion: platform.infraforge.io/v1\nkind: RenderSettings\nspec:\n  git:\n    repoURL: ${url}\n  image:\n    owner: acme\n`;
    repo = tempRepo({ 'deployments/dev/shop.yaml': claim('shop') }, { settings: settings('http://127.0.0.1:8418/platform.git') });
    expect((await cli(repo.root, 'render')).code).toBe(0);
    expect(parse(repo.read('rendered/dev/shop/applicationset.yaml')).spec.template.spec.sources[1].repoURL).toBe('http://127.0.0.1:8418/platform.git');
    for (const url of ['http://127.0.0.1.example.com/x.git', 'http://localhost.example.com:80/x.git', 'http://10.0.0.1/x.git']) {
      repo.write('deployments/settings.yaml', settings(url));
      const r = await cli(repo.root, 'render');
      expect(r.code, url).toBe(2);
      expect(r.stderr).toMatch(/^deployments\/settings\.yaml:5:14: .* \(spec\.git\.repoURL\)$/m);
    }
  });

  it('without a settings file or an origin, the git URL must be given', async () => {
    repo = tempRepo({ 'deployments/dev/shop.yaml': claim('shop') }, { settings: false });
    const r = await cli(repo.root, 'render');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot tell which git URL Argo CD should read');
  });

  it('an environment outside dev/staging/prod uses dev, or the profile the settings file gives it', () => {
    expect(resolveProfile('qa')).toEqual(resolveProfile('dev'));
    const perf = resolveProfile('perf', { perf: { extends: 'prod', replicas: { floor: 4 }, resources: { requests: { cpu: '2' } } } });
    expect(perf.replicas).toEqual({ default: 3, floor: 4 });
    expect(perf.resources.requests).toEqual({ cpu: '2', memory: '512Mi' });
    expect(perf.podDisruptionBudget).toBe(true);
  });

  it('a settings profile changes the rendered values of its environment', async () => {
    const settings = 'apiVersion: platform.infraforge.io/v1\nkind: RenderSettings\nspec:\n  git:\n    repoURL: https://github.com/acme/platform.git\n  image:\n    owner: acme\n  profiles:\n    qa:\n      extends: prod\n      replicas:\n        floor: 3\n';
    repo = tempRepo({ 'deployments/qa/shop.yaml': claim('shop', 'qa') }, { settings });
    expect((await cli(repo.root, 'render')).code).toBe(0);
    const values = parse(repo.read('rendered/qa/shop/api/values.yaml'));
    expect(values.replicas).toBe(3);
    expect(values.podDisruptionBudget.enabled).toBe(true);
  });
});
