/**
 * dist/ carries the claim, settings and chart values validators compiled at build time
 * (.ci/build.mjs, src/claims/precompiled.ts); the sources compile them at run time. The two must
 * be indistinguishable: the built CLI and the sources' CLI give the same exit code, stdout and
 * stderr on valid input, on claims and settings that break the schema, and on a chart whose
 * values.schema.json was edited (the built validator is for the shipped file only, by hash).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { claim, cli, REPO_ROOT, type TempRepo, tempRepo } from '../support/repo.js';

const DIST_CLI = path.join(REPO_ROOT, 'dist/cli.js');

let repo: TempRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

function built(root: string, ...argv: string[]) {
  const r = spawnSync(process.execPath, [DIST_CLI, ...argv], { cwd: root, encoding: 'utf8', env: { PATH: process.env.PATH } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function sameFromBoth(root: string, ...argv: string[]) {
  const fromSources = await cli(root, ...argv);
  const fromDist = built(root, ...argv);
  expect(fromDist).toEqual(fromSources);
  return fromSources;
}

describe('validators built with dist/ answer as the ones compiled at run time', () => {
  it('a valid repository renders the same', async () => {
    repo = tempRepo({ 'deployments/dev/shop.yaml': claim() });
    const run = await sameFromBoth(repo.root, 'render', '--check', '--json');
    expect(run.code).toBe(1); // rendered/ is empty: --check says what would be written
  });

  it('claims that break the schema get the same problems', async () => {
    repo = tempRepo({
      'deployments/dev/shop.yaml': claim().replace('version: "1.0.0"', 'version: 1.0.0\n      replica: 2\n      replicas: -1'),
      'deployments/dev/cart.yaml': claim('cart').replace('email: shop@example.com', 'email: 42'),
    });
    const run = await sameFromBoth(repo.root, 'validate');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/shop\.yaml:\d+:\d+: /);
    expect(run.stderr).toMatch(/cart\.yaml:\d+:\d+: /);
  });

  it('a settings file that breaks its schema gets the same problems', async () => {
    repo = tempRepo({ 'deployments/dev/shop.yaml': claim() }, { settings: 'apiVersion: platform.infraforge.io/v1\nkind: RenderSettings\nspec:\n  image:\n    ownr: acme\n' });
    const run = await sameFromBoth(repo.root, 'validate');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/settings\.yaml:\d+:\d+: /);
  });

  it('an edited chart values schema is the one that judges, not the one built in', async () => {
    repo = tempRepo({ 'deployments/dev/shop.yaml': claim().replace('version: "1.0.0"', 'version: "1.0.0"\n      replicas: 3') });
    const schema = JSON.parse(repo.read('charts/common/values.schema.json'));
    schema.properties.replicas.maximum = 2;
    repo.write('charts/common/values.schema.json', `${JSON.stringify(schema, null, 2)}\n`);
    const run = await sameFromBoth(repo.root, 'render', '--json');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/must be <= 2, got 3/);
  });
});
