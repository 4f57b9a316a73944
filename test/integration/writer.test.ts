/**
 * RELIABILITY.md 18–20: pruning only what we generated, refusing mass deletions, surviving a
 * failure midway, and byte-identical output whatever the clock, TZ, locale or file order.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { claim, cli, REPO_ROOT, type TempRepo, tempRepo } from '../support/repo.js';

const run = promisify(execFile);
const CLI = path.join(REPO_ROOT, 'dist/cli.js');
let repo: TempRepo;
afterEach(() => repo?.cleanup());

function twoApps(name: string, env = 'dev', team = 'Shop Team'): string {
  return claim(name, env).replace('Shop Team', team).concat('    - name: worker\n      version: "2.0.0"\n');
}

describe('18: removing things', () => {
  it('a removed app takes exactly its own files; hand-written files stay (when allowed)', async () => {
    repo = tempRepo({ 'deployments/dev/shop.yaml': twoApps('shop'), 'deployments/dev/other.yaml': claim('other').replace('Shop Team', 'Other Team') });
    expect((await cli(repo.root, 'render')).code).toBe(0);
    repo.write('rendered/dev/shop/notes.yaml', 'hand-written: true\n');
    repo.write('rendered/README.md', 'not ours\n');
    const before = repo.snapshot();

    repo.write('deployments/dev/shop.yaml', claim('shop'));
    // Without --allow-unmanaged the render refuses them (test/integration/rendered-ownership.test.ts).
    const result = await cli(repo.root, 'render', '--json', '--allow-unmanaged');
    expect(result.code, result.stderr).toBe(0);
    const out = JSON.parse(result.stdout) as { written: string[]; deleted: string[]; unchanged: number };
    expect(out.deleted).toEqual(['rendered/dev/shop/worker/values.yaml']);
    expect(out.written).toEqual(['rendered/dev/shop/applicationset.yaml']);
    const after = repo.snapshot();
    for (const [file, bytes] of Object.entries(before)) {
      if (file === 'rendered/dev/shop/worker/values.yaml' || file === 'rendered/dev/shop/applicationset.yaml') continue;
      expect(after[file], file).toBe(bytes);
    }
    expect(existsSync(path.join(repo.root, 'rendered/dev/shop/worker'))).toBe(false);
  });

  it('a disabled app is pruned like a removed one', async () => {
    repo = tempRepo({ 'deployments/dev/shop.yaml': twoApps('shop') });
    expect((await cli(repo.root, 'render')).code).toBe(0);
    repo.write('deployments/dev/shop.yaml', twoApps('shop').replace('    - name: worker\n', '    - name: worker\n      enabled: false\n'));
    const out = JSON.parse((await cli(repo.root, 'render', '--json')).stdout) as { deleted: string[] };
    expect(out.deleted).toEqual(['rendered/dev/shop/worker/values.yaml']);
  });

  it('an overwrite of a file we did not generate is refused', async () => {
    repo = tempRepo({ 'deployments/dev/shop.yaml': claim('shop') });
    repo.write('rendered/dev/shop/api/values.yaml', 'mine: true\n');
    const result = await cli(repo.root, 'render');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^rendered\/dev\/shop\/api\/values\.yaml: .*not generated/m);
    expect(repo.read('rendered/dev/shop/api/values.yaml')).toBe('mine: true\n');
  });

  it('deleting a whole environment is refused unless allowed', async () => {
    repo = tempRepo({ 'deployments/dev/shop.yaml': claim('shop'), 'deployments/prod/shop.yaml': claim('shop', 'prod') });
    expect((await cli(repo.root, 'render')).code).toBe(0);
    const before = repo.snapshot();
    repo.remove('deployments/prod');
    const refused = await cli(repo.root, 'render');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^deployments\/prod: .*every rendered file of environment "prod"/m);
    expect(repo.snapshot()).toEqual(before);

    const allowed = await cli(repo.root, 'render', '--allow-deletions', '--json');
    expect(allowed.code, allowed.stderr).toBe(0);
    // applicationset, appproject, api/values and prod's namespaces.yaml
    expect((JSON.parse(allowed.stdout) as { deleted: string[] }).deleted).toHaveLength(4);
    expect(existsSync(path.join(repo.root, 'rendered/prod'))).toBe(false);
    expect(Object.keys(repo.snapshot()).every((f) => f.startsWith('rendered/dev/'))).toBe(true);
  });

  it('deleting more apps than the threshold is refused', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 12; i++) files[`deployments/dev/c${i}.yaml`] = claim(`c${i}`).replace('Shop Team', `Team ${i}`);
    files['deployments/dev/keep.yaml'] = claim('keep').replace('Shop Team', 'Keep Team');
    repo = tempRepo(files);
    expect((await cli(repo.root, 'render')).code).toBe(0);
    for (let i = 0; i < 12; i++) repo.remove(`deployments/dev/c${i}.yaml`);
    const before = repo.snapshot();
    const refused = await cli(repo.root, 'render');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('would delete 12 apps, over the limit of 10');
    expect(repo.snapshot()).toEqual(before);
  });

  it('--env renders one environment and leaves the others alone', async () => {
    repo = tempRepo({ 'deployments/dev/shop.yaml': claim('shop'), 'deployments/prod/shop.yaml': claim('shop', 'prod') });
    const result = await cli(repo.root, 'render', '--env', 'prod', '--json');
    expect(result.code, result.stderr).toBe(0);
    expect(Object.keys(repo.snapshot()).every((f) => f.startsWith('rendered/prod/'))).toBe(true);
  });
});

describe('19: failure midway', () => {
  it('an invalid claim 7 of 10 writes nothing at all', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 10; i++) files[`deployments/dev/c${i}.yaml`] = claim(`c${i}`).replace('Shop Team', `Team ${i}`);
    repo = tempRepo(files);
    expect((await cli(repo.root, 'render')).code).toBe(0);
    const before = repo.snapshot();
    for (let i = 0; i < 10; i++) repo.write(`deployments/dev/c${i}.yaml`, files[`deployments/dev/c${i}.yaml`]!.replace('"1.0.0"', '"1.0.1"'));
    repo.write('deployments/dev/c6.yaml', claim('c6').replace('Shop Team', 'Team 6').replace('port: 8080\n      healthCheck', 'port: 0\n      healthCheck'));
    const result = await cli(repo.root, 'render');
    expect(result.code).toBe(2);
    expect(repo.snapshot()).toEqual(before);
  });

  it('a write that fails (file size limit, like a full disk) leaves the previous tree byte for byte', async () => {
    repo = tempRepo({ 'deployments/dev/shop.yaml': claim('shop') });
    expect((await cli(repo.root, 'render')).code).toBe(0);
    const before = repo.snapshot();
    repo.write('deployments/dev/shop.yaml', claim('shop').replace('"1.0.0"', '"1.0.1"').replace('    - name: api\n', `    - name: api\n      values:\n        podAnnotations:\n          note: "${'n'.repeat(4096)}"\n`));
    // ulimit -f 4 (2 KiB): the large values file cannot be written; the process is stopped
    // by SIGXFSZ or gets EFBIG, either way in the middle of the write phase.
    const child = await run('bash', ['-c', `ulimit -f 4; exec "${process.execPath}" "${CLI}" render`], { cwd: repo.root }).then(
      () => ({ failed: false }),
      () => ({ failed: true }),
    );
    expect(child.failed).toBe(true);
    expect(repo.snapshot()).toEqual(before);
    // The next run cleans up and completes.
    const again = await cli(repo.root, 'render');
    expect(again.code, again.stderr).toBe(0);
    expect(Object.keys(repo.snapshot()).some((f) => f.endsWith('.tmp'))).toBe(false);
  });

  it('kill -9 during a large render never leaves a partial file, and a re-run converges', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 150; i++) files[`deployments/dev/c${i}.yaml`] = claim(`c${i}`).replace('Shop Team', `Team ${i}`);
    repo = tempRepo(files);
    expect((await cli(repo.root, 'render')).code).toBe(0);
    const before = repo.snapshot();
    for (let i = 0; i < 150; i++) repo.write(`deployments/dev/c${i}.yaml`, files[`deployments/dev/c${i}.yaml`]!.replace('"1.0.0"', '"1.0.1"'));
    const child = spawn(process.execPath, [CLI, 'render'], { cwd: repo.root, stdio: 'ignore' });
    await new Promise((r) => setTimeout(r, 250));
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    const mid = repo.snapshot();
    for (const [file, bytes] of Object.entries(mid)) {
      if (file.endsWith('.tmp')) continue;
      // Every file is whole: the old bytes, or the new bytes (one version bump).
      const old = before[file];
      expect(old === undefined ? undefined : [old, old.replace(/tag: "1\.0\.0"/, 'tag: "1.0.1"')], file).toContain(bytes);
    }
    const again = await cli(repo.root, 'render');
    expect(again.code, again.stderr).toBe(0);
    expect((await cli(repo.root, 'render', '--check')).code).toBe(0);
    expect(Object.keys(repo.snapshot()).some((f) => f.endsWith('.tmp'))).toBe(false);
  });
});

describe('20: determinism', () => {
  it('the same input twice writes nothing the second time', async () => {
    repo = tempRepo({ 'deployments/dev/shop.yaml': twoApps('shop') });
    expect((await cli(repo.root, 'render')).code).toBe(0);
    const second = JSON.parse((await cli(repo.root, 'render', '--json')).stdout) as { written: string[]; deleted: string[]; unchanged: number };
    // applicationset, appproject, two values files and the environment's namespaces.yaml
    expect(second).toMatchObject({ written: [], deleted: [], unchanged: 5 });
    expect((await cli(repo.root, 'render', '--check')).code).toBe(0);
  });

  it('--check exits 1 and writes nothing when rendered/ is stale', async () => {
    repo = tempRepo({ 'deployments/dev/shop.yaml': claim('shop') });
    expect((await cli(repo.root, 'render')).code).toBe(0);
    repo.write('deployments/dev/shop.yaml', claim('shop').replace('"1.0.0"', '"1.0.1"'));
    const before = repo.snapshot();
    const check = await cli(repo.root, 'render', '--check', '--json');
    expect(check.code).toBe(1);
    expect((JSON.parse(check.stdout) as { written: string[] }).written).toEqual(['rendered/dev/shop/api/values.yaml']);
    expect(repo.snapshot()).toEqual(before);
  });

  it('byte-identical output across TZ, locale and file creation order', async () => {
    const claims = ['zeta', 'alpha', 'mid', 'beta-2'];
    const a = tempRepo();
    const b = tempRepo();
    try {
      claims.forEach((n) => a.write(`deployments/dev/${n}.yaml`, twoApps(n, 'dev', `Team ${n}`)));
      [...claims].reverse().forEach((n) => b.write(`deployments/dev/${n}.yaml`, twoApps(n, 'dev', `Team ${n}`)));
      await run(process.execPath, [CLI, 'render'], { cwd: a.root, env: { ...process.env, TZ: 'Pacific/Kiritimati', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' } });
      await run(process.execPath, [CLI, 'render'], { cwd: b.root, env: { ...process.env, TZ: 'America/Los_Angeles', LANG: 'C', LC_ALL: 'C' } });
      const sa = a.snapshot();
      expect(Object.keys(sa).length).toBe(claims.length * 4 + 1);
      expect(b.snapshot()).toEqual(sa);
    } finally {
      a.cleanup();
      b.cleanup();
    }
  });
});
