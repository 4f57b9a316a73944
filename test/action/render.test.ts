/**
 * The action's `render` command, run as a runner runs it, against real git: a bare origin in
 * a temp dir and one clone per runner.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { git, type Origin, makeOrigin } from '../support/git.js';
import { claim, REPO_ROOT } from '../support/repo.js';
import { runAction } from '../support/runner.js';

const CLI = path.join(REPO_ROOT, 'dist/cli.js');
let origin: Origin;
afterEach(() => origin?.cleanup());

function claims(n: number, version = '1.0.0'): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < n; i++) files[`deployments/dev/c${i}.yaml`] = claim(`c${i}`).replace('Shop Team', `Team ${i}`).replace('"1.0.0"', `"${version}"`);
  return files;
}

/** `render --check` on a fresh clone of origin's tip: the pushed tree is the render of the pushed claims. */
function checkOriginRendered(): void {
  const fresh = origin.clone();
  execFileSync(process.execPath, [CLI, 'render', '--check'], { cwd: fresh, stdio: 'pipe' });
}

function commitsOn(ref: string, repo = origin.bare): string[] {
  return git(repo, 'log', '--format=%H', ref).split('\n');
}

describe('render on push', () => {
  it('first run commits only rendered/ changes, with the Source-SHA trailer, and pushes', async () => {
    origin = makeOrigin(claims(2));
    const c0 = origin.tip();
    const ws = origin.clone(c0);
    const run = await runAction({ workspace: ws, sha: c0 });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.changed).toBe('true');
    expect(run.outputs['commit-sha']).toBe(origin.tip());
    // Two claims × (applicationset, appproject, api/values), dev's namespaces.yaml and the render index.
    expect(JSON.parse(run.outputs['changed-files']!)).toHaveLength(8);
    expect(JSON.parse(run.outputs['changed-files']!)).toContain('rendered/.infraforge/index.json');
    const files = git(origin.bare, 'show', '--name-only', '--format=', origin.tip()).split('\n');
    expect(files.every((f) => f.startsWith('rendered/'))).toBe(true);
    const message = git(origin.bare, 'log', '-1', '--format=%B', origin.tip());
    expect(message).toContain(`Source-SHA: ${c0}`);
    expect(git(origin.bare, 'log', '-1', '--format=%an <%ae>', origin.tip())).toBe('github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>');
    expect(run.summary).toContain('| `dev/c0` | 3 | 0 | 0 |');
    checkOriginRendered();
  });

  it("a rerun on the rendered tip — the action's own commit re-triggering it — makes no commit (no loop)", async () => {
    origin = makeOrigin(claims(1));
    const first = await runAction({ workspace: origin.clone(), sha: origin.tip() });
    expect(first.code).toBe(0);
    const rendered = origin.tip();
    const again = await runAction({ workspace: origin.clone(rendered), sha: rendered });
    expect(again.code, again.stdout).toBe(0);
    expect(again.outputs.changed).toBe('false');
    expect(again.outputs['commit-sha']).toBe('');
    expect(origin.tip()).toBe(rendered);
  });

  it('a pushed change the API server would refuse after the merge (a redis volume resize): exit 2 at the claim line, nothing committed', async () => {
    const shop = (storage: string) => ({ 'deployments/dev/shop.yaml': claim('shop', 'dev', `  components:\n    - { type: redis, name: cache, storage: ${storage} }\n`) });
    origin = makeOrigin(shop('1Gi'));
    expect((await runAction({ workspace: origin.clone(), sha: origin.tip() })).code).toBe(0);
    const rendered = origin.tip();
    const resized = origin.commit(shop('5Gi'), 'resize the cache');
    const run = await runAction({ workspace: origin.clone(resized), sha: resized });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('::error title=refused-after-merge,file=deployments/dev/shop.yaml,line=20,col=');
    expect(run.stdout).toContain('refused after merge by the API server');
    expect(origin.tip()).toBe(resized);
    expect(git(origin.bare, 'show', `${rendered}:rendered/dev/shop/cache/values.yaml`)).toContain('size: "1Gi"');
  });

  it('only the changed values file is committed when one claim changes', async () => {
    origin = makeOrigin(claims(3));
    expect((await runAction({ workspace: origin.clone(), sha: origin.tip() })).code).toBe(0);
    const c1 = origin.commit({ 'deployments/dev/c1.yaml': claims(3, '1.0.1')['deployments/dev/c1.yaml']! }, 'bump c1');
    const run = await runAction({ workspace: origin.clone(c1), sha: c1 });
    expect(run.code).toBe(0);
    // The render index records the claim's new inputs and the file's new blob id.
    expect(JSON.parse(run.outputs['changed-files']!)).toEqual(['rendered/.infraforge/index.json', 'rendered/dev/c1/api/values.yaml']);
  });

  it('a lost race: A (triggered by C1) loses to C2, rebuilds on C2 and pushes the render of C2', async () => {
    origin = makeOrigin(claims(2));
    const c1 = origin.commit({ 'deployments/dev/c0.yaml': claims(2, '1.1.0')['deployments/dev/c0.yaml']! }, 'C1');
    const wsA = origin.clone(c1);
    const c2 = origin.commit({ 'deployments/dev/c1.yaml': claims(2, '2.0.0')['deployments/dev/c1.yaml']! }, 'C2');
    const run = await runAction({ workspace: wsA, sha: c1 });
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toMatch(/rendering from there|rebuilding on the new tip/);
    const tip = origin.tip();
    expect(commitsOn(tip)).toContain(c2);
    expect(git(origin.bare, 'log', '-1', '--format=%B', tip)).toContain(`Source-SHA: ${c2}`);
    checkOriginRendered();
  });

  it('five runners racing all finish, and origin ends with the render of the final claims', async () => {
    origin = makeOrigin(claims(5));
    const shas: string[] = [];
    const running: Promise<Awaited<ReturnType<typeof runAction>>>[] = [];
    // Each source commit lands and its runner starts at once, while the earlier runners are
    // still rendering and pushing: later commits keep moving main under them.
    for (let i = 0; i < 5; i++) {
      const sha = origin.commit({ [`deployments/dev/c${i}.yaml`]: claims(5, `3.${i}.0`)[`deployments/dev/c${i}.yaml`]! }, `bump c${i}`);
      shas.push(sha);
      running.push(runAction({ workspace: origin.clone(sha), sha }));
    }
    const runs = await Promise.all(running);
    for (const r of runs) expect(r.code, r.stdout + r.stderr).toBe(0);
    const tip = origin.tip();
    const history = commitsOn(tip);
    for (const sha of shas) expect(history).toContain(sha);
    checkOriginRendered();
    // Every render commit on main came from a runner, none was forced away: each pushed commit is still there.
    for (const r of runs) if (r.outputs['commit-sha']) expect(history).toContain(r.outputs['commit-sha']);
    const pushed = runs.filter((r) => r.outputs.changed === 'true').length;
    expect(pushed).toBeGreaterThanOrEqual(1);
  });

  it('an invalid claim fails the step with an annotation on its line, and nothing is pushed', async () => {
    origin = makeOrigin(claims(1));
    const bad = origin.commit({ 'deployments/dev/bad.yaml': claim('bad').replace('Shop Team', 'Bad Team').replace('port: 8080\n      healthCheck', 'port: nope\n      healthCheck') }, 'bad claim');
    const run = await runAction({ workspace: origin.clone(bad), sha: bad });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('::error title=schema-type,file=deployments/dev/bad.yaml,line=15,col=17::must be an integer');
    expect(origin.tip()).toBe(bad);
    // The job summary says what failed, where and what to do — failures are when people read it.
    expect(run.summary).toContain('### infraforge render failed');
    expect(run.summary).toContain('1 problem in the input');
    expect(run.summary).toMatch(/^deployments\/dev\/bad\.yaml:15:17: must be an integer, got string "nope" \(spec\.applications\[0\]\.ports\[0\]\.port\)$/m);
    expect(run.summary).toContain('What to do: fix each line above');
    expect(run.outputs.changed).toBeUndefined();
  });

  it('an invalid input fails with a summary too, and the token never reaches it', async () => {
    origin = makeOrigin(claims(1));
    const token = 'ghs_secret_token_in_a_bad_run_0000000';
    const run = await runAction({ workspace: origin.clone(), sha: origin.tip(), inputs: { 'max-attempts': 'many', token } });
    expect(run.code).toBe(2);
    expect(run.summary).toContain('### infraforge action failed');
    // An input concerns no file: no made-up position, and no file counted.
    expect(run.summary).toMatch(/^input max-attempts must be a whole number from 1 to 20$/m);
    expect(run.summary).toContain('**1 problem in the input**. Nothing');
    expect(run.summary).not.toContain(token);
    // The one line that carries it asks the runner to mask it everywhere else.
    expect(run.stdout.split('\n').filter((l) => l.includes(token))).toEqual([`::add-mask::${token}`]);
  });

  it('every problem of a claim becomes its own annotation, with "did you mean" where one is close', async () => {
    origin = makeOrigin(claims(1));
    const text = claim('bad').replace('Shop Team', 'Bad Team').replace('port: 8080\n      healthCheck', 'port: nope\n      healtCheck').replace('  applications:', '  applications:\n    - name: web\n      version: "1.0.0"\n      ports: [{ port: 80, protocol: TPC }]');
    const bad = origin.commit({ 'deployments/dev/bad.yaml': text }, 'bad claim');
    const run = await runAction({ workspace: origin.clone(bad), sha: bad });
    expect(run.code).toBe(2);
    const annotations = run.stdout.split('\n').filter((l) => l.startsWith('::error title=schema-'));
    expect(annotations.length).toBeGreaterThanOrEqual(3);
    expect(run.stdout).toMatch(/::error title=schema-enum,file=deployments\/dev\/bad\.yaml,line=\d+,col=\d+::"TPC" is not one of "TCP", "UDP", "SCTP"; did you mean "TCP"\?/);
    expect(run.stdout).toMatch(/::error title=schema-unknown-field,file=deployments\/dev\/bad\.yaml,line=\d+,col=\d+::unknown field "healtCheck"; did you mean "healthCheck"\?/);
    expect(origin.tip()).toBe(bad);
  });

  it('retries exhausted: exit 3 and a clear message, no force-push', async () => {
    origin = makeOrigin(claims(1));
    const c0 = origin.tip();
    const ws = origin.clone(c0);
    // A pre-push hook that lands somebody else's commit first, every time.
    const other = origin.clone();
    const hook = path.join(ws, '.git/hooks/pre-push');
    writeFileSync(
      hook,
      `#!/bin/sh\ncd "${other}" && git pull -q --ff-only origin main && date +%s%N >> noise.txt && git add noise.txt && git -c user.name=o -c user.email=o@x commit -qm noise && git push -q origin HEAD:main\n`,
    );
    chmodSync(hook, 0o755);
    const run = await runAction({ workspace: ws, sha: c0, inputs: { 'max-attempts': '2' } });
    expect(run.code).toBe(3);
    expect(run.stdout).toMatch(/::error::push to main was rejected 2 times/);
    expect(git(origin.bare, 'log', '--format=%s', 'main')).not.toContain('render:');
    expect(run.summary).toContain('### infraforge render failed');
    expect(run.summary).toContain('outside the claims');
    expect(run.summary).toContain('push to main was rejected 2 times');
    expect(run.summary).toContain('re-run the job');
  });

  it('commit: false renders and reports without committing; changed means "would change"', async () => {
    origin = makeOrigin(claims(1));
    const tip = origin.tip();
    const ws = origin.clone(tip);
    const run = await runAction({ workspace: ws, sha: tip, inputs: { commit: 'false' } });
    expect(run.code).toBe(0);
    // applicationset, appproject, api/values, namespaces.yaml and the render index.
    expect(JSON.parse(run.outputs['changed-files']!)).toHaveLength(5);
    expect(run.outputs.changed).toBe('true');
    expect(run.outputs['commit-sha']).toBe('');
    expect(run.summary).toContain('5 file(s) changed; not committed (commit: false).');
    expect(origin.tip()).toBe(tip);
    expect(git(ws, 'rev-parse', 'HEAD')).toBe(tip);

    // Once rendered/ matches the claims, nothing would change: changed is false.
    git(ws, 'add', 'rendered');
    git(ws, 'commit', '--quiet', '-m', 'rendered by hand');
    const again = await runAction({ workspace: ws, sha: git(ws, 'rev-parse', 'HEAD'), inputs: { commit: 'false' } });
    expect(again.code).toBe(0);
    expect(again.outputs.changed).toBe('false');
    expect(again.outputs['changed-files']).toBe('[]');
  });
});
