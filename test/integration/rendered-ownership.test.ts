/**
 * rendered/ belongs to the renderer (issue 18, item 6), on real files and real git history:
 * `render` refuses to run over files no claim produces unless told, and `diff` fails a change
 * that edits, adds or deletes files under rendered/ by hand.
 */
import { existsSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { git, type Origin, makeOrigin } from '../support/git.js';
import { claim, cli, type TempRepo, tempRepo } from '../support/repo.js';

let repo: TempRepo | undefined;
let origin: Origin | undefined;
afterEach(() => {
  repo?.cleanup();
  origin?.cleanup();
  repo = origin = undefined;
});

const other = () => claim('other').replace('Shop Team', 'Other Team');

describe('render and files no claim produces', () => {
  it('refuses to run over them, naming each; with --allow-unmanaged lists them and leaves them be', async () => {
    repo = tempRepo({ 'deployments/dev/shop.yaml': claim('shop') });
    expect((await cli(repo.root, 'render')).code).toBe(0);
    repo.write('rendered/dev/shop/notes.md', 'ours, not the renderer’s\n');
    repo.write('rendered/README.md', 'what this folder is\n');
    repo.write('deployments/dev/other.yaml', other());
    const before = repo.snapshot();

    const refused = await cli(repo.root, 'render');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^rendered\/README\.md: no claim produces this file and infraforge-render did not write it/m);
    expect(refused.stderr).toMatch(/^rendered\/dev\/shop\/notes\.md: no claim produces this file/m);
    expect(repo.snapshot()).toEqual(before); // the new claim was not rendered either

    const allowed = await cli(repo.root, 'render', '--allow-unmanaged', '--json');
    expect(allowed.code, allowed.stderr).toBe(0);
    const out = JSON.parse(allowed.stdout) as { written: string[]; unmanaged: string[] };
    expect(out.unmanaged).toEqual(['rendered/README.md', 'rendered/dev/shop/notes.md']);
    expect(out.written).toContain('rendered/dev/other/applicationset.yaml');
    expect(repo.read('rendered/dev/shop/notes.md')).toBe('ours, not the renderer’s\n');
    expect(repo.read('rendered/README.md')).toBe('what this folder is\n');

    // The run that allowed them recorded no snapshot: the next run without the flag sees them again.
    const again = await cli(repo.root, 'render', '--json');
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/^rendered\/README\.md: /m);
  });

  it('never leaves a hand-made file that Argo CD would apply, even with --allow-unmanaged', async () => {
    repo = tempRepo({ 'deployments/dev/shop.yaml': claim('shop') });
    expect((await cli(repo.root, 'render')).code).toBe(0);
    const evil = 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: { name: x }\n';
    repo.write('rendered/dev/x/applicationset.yaml', evil);
    repo.write('rendered/dev/shop2/appproject.yaml', evil);
    const before = repo.snapshot();
    for (const flags of [[], ['--allow-unmanaged']]) {
      const run = await cli(repo.root, 'render', ...flags);
      expect(run.code, flags.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/^rendered\/dev\/x\/applicationset\.yaml: Argo CD's root Application applies this file/m);
      expect(run.stderr).toMatch(/^rendered\/dev\/shop2\/appproject\.yaml: Argo CD's root Application applies this file/m);
      expect(repo.snapshot()).toEqual(before);
    }
    // Files in environments outside --env are that environment's business; these are dev's.
    repo.write('deployments/prod/shop.yaml', claim('shop', 'prod'));
    expect((await cli(repo.root, 'render', '--env', 'prod')).code).toBe(0);
  });

  it('prunes a hand-added file with our header like the files of a removed claim', async () => {
    repo = tempRepo({ 'deployments/dev/shop.yaml': claim('shop') });
    expect((await cli(repo.root, 'render')).code).toBe(0);
    // A copy of a real generated file under a claim name nobody uses: to the render it is the
    // leftover of a claim that went, and it goes the same way.
    repo.write('rendered/dev/ghost/applicationset.yaml', repo.read('rendered/dev/shop/applicationset.yaml'));
    const run = await cli(repo.root, 'render', '--json');
    expect(run.code, run.stderr).toBe(0);
    expect((JSON.parse(run.stdout) as { deleted: string[] }).deleted).toEqual(['rendered/dev/ghost/applicationset.yaml']);
    expect(existsSync(path.join(repo.root, 'rendered/dev/ghost'))).toBe(false);
  });
});

/** main holds claims and their committed render; `ws` is a clone to make the change in. */
async function renderedMain(files: Record<string, string>): Promise<{ base: string; ws: string }> {
  origin = makeOrigin(files);
  const ws = origin.clone();
  const run = await cli(ws, 'render');
  if (run.code !== 0) throw new Error(run.stderr);
  git(ws, 'add', '-A');
  git(ws, 'commit', '-qm', 'render');
  return { base: git(ws, 'rev-parse', 'HEAD'), ws };
}

function edit(ws: string, rel: string, text: string | null): void {
  const abs = path.join(ws, rel);
  if (text === null) return rmSync(abs);
  mkdirSync(path.dirname(abs), { recursive: true });
  writeFileSync(abs, text);
}

const diff = (ws: string, base: string, ...flags: string[]) => cli(ws, 'diff', '--base', base, '--no-manifests', ...flags);

describe('diff fails a change that edits rendered/ by hand', () => {
  it('passes a claim change with or without its render, and a removed claim whose files are still there', async () => {
    const { base, ws } = await renderedMain({ 'deployments/dev/shop.yaml': claim('shop'), 'deployments/dev/other.yaml': other() });
    edit(ws, 'deployments/dev/shop.yaml', claim('shop').replace('"1.0.0"', '"1.1.0"'));
    edit(ws, 'deployments/dev/other.yaml', null);
    const claimsOnly = await diff(ws, base);
    expect(claimsOnly.code, claimsOnly.stderr).toBe(0);
    expect(claimsOnly.stdout).not.toContain('changed by hand');
    expect((await cli(ws, 'render', '--allow-deletions')).code).toBe(0);
    const rendered = await diff(ws, base);
    expect(rendered.code, rendered.stderr).toBe(0);
  });

  it('names an edited file at its first changed line, an added one and a deleted one', async () => {
    const { base, ws } = await renderedMain({ 'deployments/dev/shop.yaml': claim('shop') });
    const values = 'rendered/dev/shop/api/values.yaml';
    const original = readFileSync(path.join(ws, values), 'utf8');
    const tagLine = original.split('\n').findIndex((l) => l.includes('tag: "1.0.0"')) + 1;
    expect(tagLine).toBeGreaterThan(1);
    edit(ws, values, original.replace('tag: "1.0.0"', 'tag: "6.6.6"'));
    edit(ws, 'rendered/dev/x/applicationset.yaml', readFileSync(path.join(ws, 'rendered/dev/shop/applicationset.yaml'), 'utf8'));
    edit(ws, 'rendered/dev/shop/appproject.yaml', null);
    git(ws, 'add', '-A');
    git(ws, 'commit', '-qm', 'the PR, by hand');

    const run = await diff(ws, base);
    expect(run.code).toBe(2);
    const problems = run.stderr.split('\n').filter((l) => l.startsWith('rendered/'));
    expect(problems).toEqual([
      expect.stringMatching(/^rendered\/dev\/shop\/api\/values\.yaml:\d+:1: this change edits a file the renderer writes/),
      expect.stringMatching(/^rendered\/dev\/shop\/appproject\.yaml: this change deletes a file the claims still produce/),
      expect.stringMatching(/^rendered\/dev\/x\/applicationset\.yaml: this change adds a file that no claim produces/),
    ]);
    expect(problems[0]).toContain(`values.yaml:${tagLine}:1:`);
    // The markdown says it too, before anything else.
    expect(run.stdout).toContain('`rendered/` was changed by hand');
    expect(run.stdout).toContain('rendered/dev/x/applicationset.yaml: this change adds a file');
  });

  it('fails on a file no claim produces that was there before, unless --allow-unmanaged lists it', async () => {
    const { base, ws } = await renderedMain({ 'deployments/dev/shop.yaml': claim('shop') });
    // On main by a commit before this check existed; the change itself leaves rendered/ alone.
    edit(ws, 'rendered/README.md', 'notes\n');
    git(ws, 'add', '-A');
    git(ws, 'commit', '-qm', 'a README in rendered/');
    const newBase = git(ws, 'rev-parse', 'HEAD');
    edit(ws, 'deployments/dev/shop.yaml', claim('shop').replace('"1.0.0"', '"1.1.0"'));

    const refused = await diff(ws, newBase);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^rendered\/README\.md: no claim produces this file/m);
    const allowed = await diff(ws, newBase, '--allow-unmanaged');
    expect(allowed.code, allowed.stderr).toBe(0);
    expect(allowed.stdout).toContain('Left alone (allow-unmanaged): 1 file(s)');
    // A change that adds one fails even so: allowing old files never lets new ones in.
    const added = await diff(ws, base, '--allow-unmanaged');
    expect(added.code).toBe(2);
    expect(added.stderr).toMatch(/^rendered\/README\.md: this change adds a file that no claim produces/m);
  });
});
