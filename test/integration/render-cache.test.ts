/**
 * The no-op cache cannot lie: whatever happens to the inputs and to rendered/ — edits,
 * deletions, untracked files, git's assume-unchanged and skip-worktree flags, commits — a
 * render that may use the cache gives the same answer and leaves the same tree as a full
 * `--no-cache` render of an identical copy. `--check` never answers from it.
 */
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { git } from '../support/git.js';
import { claim, cli, type TempRepo, tempRepo } from '../support/repo.js';

let repo: TempRepo;
const extra: string[] = [];
afterEach(() => {
  repo?.cleanup();
  for (const dir of extra.splice(0)) rmSync(dir, { recursive: true, force: true });
});

interface RenderJson {
  written: string[];
  deleted: string[];
  unchanged: number;
  cached: boolean;
  fromIndex: number;
}

async function render(root: string, ...args: string[]) {
  const r = await cli(root, 'render', '--json', ...args);
  return { code: r.code, stderr: r.stderr, json: r.code === 0 ? (JSON.parse(r.stdout) as RenderJson) : undefined };
}

function committedRepo(files: Record<string, string>): TempRepo {
  const r = tempRepo(files);
  git(r.root, 'init', '--quiet');
  git(r.root, 'add', '-A');
  git(r.root, 'commit', '--quiet', '-m', 'claims');
  return r;
}

/** Each claim its own team, so each gets its own namespace. */
const own = (name: string, env = 'dev') => claim(name, env).replace('team: Shop Team', `team: ${name} team`);

describe('render cache', () => {
  it('repairs a deleted or hand-edited rendered/ even when nothing was committed', async () => {
    repo = committedRepo({ 'deployments/dev/shop.yaml': claim('shop'), 'deployments/prod/shop.yaml': claim('shop', 'prod') });
    // Per environment: applicationset, appproject, api/values and namespaces.yaml.
    expect((await render(repo.root)).json?.written).toHaveLength(8);
    expect((await render(repo.root)).json).toMatchObject({ written: [], cached: true, unchanged: 8 });
    const good = repo.snapshot();

    repo.remove('rendered');
    expect((await render(repo.root)).json).toMatchObject({ written: Object.keys(good).sort(), cached: false });
    repo.remove('rendered/dev/shop/api/values.yaml');
    expect((await render(repo.root)).json).toMatchObject({ written: ['rendered/dev/shop/api/values.yaml'], cached: false });
    // Same length, same second: only the content can tell, and it does.
    const file = path.join(repo.root, 'rendered/prod/shop/api/values.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"1.0.0"', '"6.6.6"'));
    expect((await cli(repo.root, 'render', '--check')).code).toBe(1);
    expect((await render(repo.root)).json).toMatchObject({ written: ['rendered/prod/shop/api/values.yaml'], cached: false });
    expect(repo.snapshot()).toEqual(good);
  });

  it('sees the origin remote change when it decides the git URL', async () => {
    repo = committedRepo({ 'deployments/dev/shop.yaml': claim('shop') });
    repo.write('deployments/settings.yaml', repo.read('deployments/settings.yaml').replace('    repoURL: https://github.com/acme/platform.git\n', '    targetRevision: HEAD\n'));
    git(repo.root, 'remote', 'add', 'origin', 'git@github.com:acme/one.git');
    await render(repo.root);
    expect((await render(repo.root)).json?.cached).toBe(true);
    git(repo.root, 'remote', 'set-url', 'origin', 'git@github.com:acme/two.git');
    const after = await render(repo.root);
    expect(after.json).toMatchObject({ cached: false, written: ['rendered/dev/shop/applicationset.yaml', 'rendered/dev/shop/appproject.yaml'] });
    expect(repo.read('rendered/dev/shop/applicationset.yaml')).toContain('https://github.com/acme/two.git');
  });

  it('--check never answers from the cache', async () => {
    repo = committedRepo({ 'deployments/dev/shop.yaml': claim('shop') });
    await render(repo.root);
    expect((await render(repo.root)).json?.cached).toBe(true);
    const check = await render(repo.root, '--check');
    expect(check.json).toMatchObject({ cached: false, check: true, upToDate: true });
  });

  it('sees a same-size edit by its change time once the snapshot has settled, whatever git index flags say', async () => {
    repo = committedRepo({ 'deployments/dev/shop.yaml': claim('shop') });
    await render(repo.root);
    git(repo.root, 'add', '-A');
    git(repo.root, 'commit', '--quiet', '-m', 'rendered');
    git(repo.root, 'update-index', '--assume-unchanged', 'deployments/dev/shop.yaml');
    git(repo.root, 'update-index', '--skip-worktree', 'rendered/dev/shop/api/values.yaml');
    await new Promise((r) => setTimeout(r, 1200)); // past the racy window: stat data alone decides now
    expect((await render(repo.root)).json?.cached).toBe(true); // settles: racy hashes dropped
    expect((await render(repo.root)).json?.cached).toBe(true);
    const values = path.join(repo.root, 'rendered/dev/shop/api/values.yaml');
    const before = statSync(values);
    writeFileSync(values, readFileSync(values, 'utf8').replace('"1.0.0"', '"7.7.7"'));
    expect(statSync(values).size).toBe(before.size);
    expect((await render(repo.root)).json).toMatchObject({ written: ['rendered/dev/shop/api/values.yaml'], cached: false });
    const claimFile = path.join(repo.root, 'deployments/dev/shop.yaml');
    writeFileSync(claimFile, readFileSync(claimFile, 'utf8').replace('"1.0.0"', '"1.0.1"'));
    expect((await render(repo.root)).json).toMatchObject({ written: ['rendered/dev/shop/api/values.yaml'], cached: false });
  });

  it('property: after random edits, deletions, untracked files, index flags and commits, the cached (or render-index) answer equals --no-cache', async () => {
    repo = committedRepo({ 'deployments/dev/shop.yaml': own('shop'), 'deployments/dev/cart.yaml': own('cart'), 'deployments/prod/shop.yaml': own('shop', 'prod') });
    git(repo.root, 'remote', 'add', 'origin', 'https://github.com/acme/repo-0.git');
    let seed = Number(process.env.CACHE_PROPERTY_SEED ?? 20261126);
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const files = (dir: string) => Object.keys(repo.snapshot(dir)).filter((f) => f !== 'deployments/settings.yaml');
    const log: string[] = [];
    let bumps = 0;
    const ops: Record<string, () => void> = {
      'edit a claim': () => {
        const f = pick(files('deployments'));
        repo.write(f, repo.read(f).replace(/version: "[0-9.]+"/, `version: "${pick(['1.0.0', '1.0.1', '2.0.0'])}"`));
      },
      'add an untracked claim': () => {
        const name = `new-${Math.floor(random() * 3)}`;
        const env = pick(['dev', 'prod']);
        repo.write(`deployments/${env}/${name}.yaml`, own(name, env));
      },
      'delete a claim': () => {
        const claims = files('deployments');
        if (claims.length > 2) repo.remove(pick(claims));
      },
      'edit a rendered file': () => {
        const f = pick(files('rendered'));
        if (f) repo.write(f, repo.read(f).replace(/replicas: [0-9]+|tag: "[^"]*"/, (m) => (m.startsWith('tag') ? 'tag: "9.9.9"' : 'replicas: 9')));
      },
      'delete a rendered file': () => {
        const f = pick(files('rendered'));
        if (f) repo.remove(f);
      },
      'add an untracked generated file to rendered/': () => {
        // A claim's file (rendered/<env>/<claim>/…), so the stray lands beside claims; next to
        // an environment's namespaces.yaml it would be a whole stray environment.
        const f = pick(files('rendered').filter((p) => p.split('/').length >= 4));
        if (f) repo.write(`${path.dirname(path.dirname(f))}/stray/values.yaml`, repo.read(f));
      },
      'flag a tracked file assume-unchanged or skip-worktree, then edit it': () => {
        const tracked = git(repo.root, 'ls-files', '--', 'deployments', 'rendered').split('\n').filter(Boolean);
        if (!tracked.length) return;
        const f = pick(tracked);
        git(repo.root, 'update-index', pick(['--assume-unchanged', '--skip-worktree']), '--', f);
        if (repo.snapshot(path.dirname(f))[f] !== undefined) repo.write(f, repo.read(f).replace(/"[0-9]\.[0-9]\.[0-9]"/, '"3.3.3"'));
      },
      'commit everything (a flagged file keeps its flag until then)': () => {
        const tracked = git(repo.root, 'ls-files', '--', 'deployments', 'rendered').split('\n').filter(Boolean);
        if (tracked.length) git(repo.root, 'update-index', '--no-assume-unchanged', '--no-skip-worktree', '--', ...tracked);
        git(repo.root, 'add', '-A');
        git(repo.root, 'commit', '--quiet', '--allow-empty', '-m', 'step');
      },
      'commit everything, then edit a claim (main rendered, then a pull request)': () => {
        ops['commit everything (a flagged file keeps its flag until then)']!();
        const f = pick(files('deployments'));
        repo.write(f, repo.read(f).replace(/version: "[0-9.]+"/, `version: "4.0.${++bumps}"`));
      },
      'change a setting': () => {
        const s = repo.read('deployments/settings.yaml');
        repo.write('deployments/settings.yaml', s.includes('owner: acme') ? s.replace('owner: acme', 'owner: acmf') : s.replace('owner: acmf', 'owner: acme'));
      },
      'pin or unpin the git URL in settings (unpinned: the origin remote decides)': () => {
        const s = repo.read('deployments/settings.yaml');
        const pinned = '    repoURL: https://github.com/acme/platform.git\n';
        repo.write('deployments/settings.yaml', s.includes(pinned) ? s.replace(pinned, '    targetRevision: HEAD\n') : s.replace('    targetRevision: HEAD\n', pinned));
      },
      'point the origin remote elsewhere': () => {
        const url = `https://github.com/acme/repo-${Math.floor(random() * 3)}.git`;
        git(repo.root, 'remote', 'set-url', 'origin', url);
      },
      // The committed render index (src/io/render-index/): trusted only while git proves rendered/ matches it.
      'edit the render index by hand': () => {
        const index = 'rendered/.infraforge/index.json';
        if (!existsSync(path.join(repo.root, index))) return;
        repo.write(index, repo.read(index).replace(/"[0-9a-f]{40}"/, `"${'0'.repeat(40)}"`));
      },
      'delete the render index': () => repo.remove('rendered/.infraforge'),
      'edit a chart file': () => {
        const file = 'charts/common/values.schema.json';
        const text = repo.read(file);
        repo.write(file, text.endsWith('\n\n') ? text.slice(0, -1) : `${text}\n`);
      },
      'nothing': () => undefined,
    };
    let hits = 0;
    let fromIndex = 0;
    for (let step = 0; step < 50; step++) {
      // Steps that change nothing the output depends on come up more often: they are where the cache answers.
      const name = pick([...Object.keys(ops), 'nothing', 'nothing', 'commit everything (a flagged file keeps its flag until then)', 'commit everything, then edit a claim (main rendered, then a pull request)']);
      ops[name]!();
      log.push(name);
      // The truth: a full render of an identical copy.
      const copy = mkdtempSync(path.join(tmpdir(), 'infraforge-cache-truth-'));
      extra.push(copy);
      cpSync(repo.root, copy, { recursive: true });
      const truth = await render(copy, '--no-cache');
      const cached = await render(repo.root);
      const context = `seed ${process.env.CACHE_PROPERTY_SEED ?? 20261126}, steps: ${log.join(' → ')}`;
      expect({ code: cached.code, stderr: cached.stderr }, context).toEqual({ code: truth.code, stderr: truth.stderr });
      if (truth.json) {
        const { cached: wasCached, fromIndex: kept, ...answer } = cached.json!;
        const { cached: _no, fromIndex: _none, ...expected } = truth.json;
        expect(answer, context).toEqual(expected);
        if (wasCached) hits++;
        if (kept) fromIndex++;
      }
      const snap = (root: string) => Object.fromEntries(readdirRecursive(root, 'rendered').map((f) => [f, readFileSync(path.join(root, f), 'latin1')]));
      expect(snap(repo.root), context).toEqual(snap(copy));
    }
    // The cache and the index were actually in play, not bypassed by every step.
    expect(hits).toBeGreaterThan(2);
    expect(fromIndex).toBeGreaterThan(1);
  }, 120_000);
});

function readdirRecursive(root: string, rel: string): string[] {
  let entries;
  try {
    entries = readdirSync(path.join(root, rel), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => (e.isDirectory() ? readdirRecursive(root, `${rel}/${e.name}`) : [`${rel}/${e.name}`])).sort();
}
