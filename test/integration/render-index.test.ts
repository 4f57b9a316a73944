/**
 * The committed render index (rendered/.infraforge/index.json) with real git: on a fresh clone a
 * one-claim change renders that claim only, and whatever happened to rendered/, the settings,
 * the chart or the index itself, a render that may use the index leaves exactly the tree — and
 * the index — of a full `--no-cache` render of an identical copy. The PR diff with the base's
 * index says exactly what it says without one.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { git } from '../support/git.js';
import { claim, cli, type TempRepo, tempRepo } from '../support/repo.js';

const INDEX = 'rendered/.infraforge/index.json';
const temps: string[] = [];
let repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos) r.cleanup();
  repos = [];
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

interface RenderJson {
  written: string[];
  deleted: string[];
  unchanged: number;
  indexWritten: boolean;
  fromIndex: number;
}

async function render(root: string, ...args: string[]) {
  const r = await cli(root, 'render', '--json', ...args);
  if (r.code !== 0) throw new Error(`render failed (${r.code}): ${r.stderr}`);
  return JSON.parse(r.stdout) as RenderJson;
}

const own = (name: string, env = 'dev') => claim(name, env).replace('team: Shop Team', `team: ${name} team`);

/** Claims, rendered and committed: what the action leaves on main. */
async function renderedRepo(): Promise<TempRepo> {
  const repo = tempRepo({
    'deployments/dev/shop.yaml': own('shop'),
    'deployments/dev/cart.yaml': own('cart'),
    'deployments/dev/search.yaml': own('search'),
    'deployments/prod/shop.yaml': own('shop', 'prod'),
  });
  repos.push(repo);
  git(repo.root, 'init', '--quiet');
  expect((await render(repo.root)).indexWritten).toBe(true);
  commitAll(repo.root, 'render');
  return repo;
}

function commitAll(root: string, message: string) {
  git(root, 'add', '-A');
  git(root, 'commit', '--quiet', '--allow-empty', '-m', message);
}

function freshClone(root: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'infraforge-index-clone-'));
  temps.push(dir);
  git(dir, 'clone', '--quiet', root, 'c');
  return path.join(dir, 'c');
}

/** rendered/ (index included), path → bytes. */
function tree(root: string, rel = 'rendered'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(path.join(root, rel), { withFileTypes: true })) {
    const child = `${rel}/${e.name}`;
    if (e.isDirectory()) Object.assign(out, tree(root, child));
    else out[child] = readFileSync(path.join(root, child), 'latin1');
  }
  return out;
}

/** The truth: a full render of an identical copy (its .git too). */
async function fullRenderOfCopy(root: string) {
  const copy = mkdtempSync(path.join(tmpdir(), 'infraforge-index-truth-'));
  temps.push(copy);
  cpSync(root, copy, { recursive: true });
  const json = await render(copy, '--no-cache');
  expect(json.fromIndex).toBe(0);
  return { json, tree: tree(copy) };
}

async function expectSameAsFull(root: string, ...args: string[]): Promise<RenderJson> {
  const truth = await fullRenderOfCopy(root);
  const json = await render(root, ...args);
  const { fromIndex: _a, ...answer } = json;
  const { fromIndex: _b, ...expected } = truth.json;
  expect(answer).toEqual(expected);
  expect(tree(root)).toEqual(truth.tree);
  return json;
}

async function write(root: string, rel: string, text: string): Promise<void> {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  writeFileSync(path.join(root, rel), text);
}

describe('render index', () => {
  it('on a fresh clone, a one-claim change renders that claim only and leaves what a full render leaves', async () => {
    const repo = await renderedRepo();
    const index = repo.read(INDEX);
    expect(index).toContain('"deployments/dev/cart.yaml":{"files":{"rendered/dev/cart/api/values.yaml":');
    const clone = freshClone(repo.root);
    await write(clone, 'deployments/dev/cart.yaml', own('cart').replace('"1.0.0"', '"1.0.1"'));
    const json = await expectSameAsFull(clone);
    expect(json.written).toEqual(['rendered/dev/cart/api/values.yaml']);
    expect(json.indexWritten).toBe(true);
    // Everything but the cart claim's three files (applicationset, appproject, values) and the namespaces came from the index.
    const total = Object.keys(tree(clone)).length - 1;
    expect(json.fromIndex).toBe(total - 3 - 2);
    // A new claim and a removed one, in the same run.
    await write(clone, 'deployments/prod/cart.yaml', own('cart', 'prod'));
    rmSync(path.join(clone, 'deployments/dev/search.yaml'));
    commitAll(clone, 'change');
    const again = await expectSameAsFull(clone);
    expect(again.written.filter((f) => f.startsWith('rendered/prod/cart/'))).toHaveLength(3);
    expect(again.deleted).toEqual(['rendered/dev/search/api/values.yaml', 'rendered/dev/search/applicationset.yaml', 'rendered/dev/search/appproject.yaml']);
    expect(again.fromIndex).toBeGreaterThan(0);
  });

  it('a render never answers from stale state: hand edits, deletions, strays, a changed chart, settings or index mean a full render', async () => {
    const repo = await renderedRepo();
    const damages: Record<string, (root: string) => Promise<void> | void> = {
      'a rendered file edited and committed': async (root) => {
        await write(root, 'rendered/dev/shop/api/values.yaml', repo.read('rendered/dev/shop/api/values.yaml').replace('"1.0.0"', '"6.6.6"'));
        commitAll(root, 'hand edit');
      },
      'a rendered file edited, not committed': (root) => write(root, 'rendered/dev/shop/api/values.yaml', repo.read('rendered/dev/shop/api/values.yaml').replace('"1.0.0"', '"6.6.6"')),
      'a rendered file deleted and committed': (root) => {
        git(root, 'rm', '--quiet', 'rendered/prod/shop/appproject.yaml');
        commitAll(root, 'delete');
      },
      'an untracked file in rendered/': (root) => write(root, 'rendered/dev/shop/stray/values.yaml', repo.read('rendered/dev/shop/api/values.yaml')),
      'a rendered file flagged skip-worktree, then edited': async (root) => {
        git(root, 'update-index', '--skip-worktree', 'rendered/dev/cart/api/values.yaml');
        await write(root, 'rendered/dev/cart/api/values.yaml', repo.read('rendered/dev/cart/api/values.yaml').replace('"1.0.0"', '"3.3.3"'));
      },
      'the index edited by hand (a blob id changed)': async (root) => {
        const text = readFileSync(path.join(root, INDEX), 'utf8');
        const blob = /"rendered\/dev\/shop\/api\/values.yaml":"([0-9a-f]{40})"/.exec(text)![1]!;
        await write(root, INDEX, text.replace(blob, 'f'.repeat(40)));
        commitAll(root, 'edit index');
      },
      'the index deleted': (root) => {
        git(root, 'rm', '--quiet', INDEX);
        commitAll(root, 'no index');
      },
      'a setting changed': async (root) => {
        await write(root, 'deployments/settings.yaml', readFileSync(path.join(root, 'deployments/settings.yaml'), 'utf8').replace('owner: acme', 'owner: acmf'));
        commitAll(root, 'settings');
      },
      'a chart file changed': async (root) => {
        const file = path.join(root, 'charts/common/values.schema.json');
        await write(root, 'charts/common/values.schema.json', `${readFileSync(file, 'utf8')}\n`);
        commitAll(root, 'chart');
      },
    };
    for (const [name, damage] of Object.entries(damages)) {
      const clone = freshClone(repo.root);
      // Beside the damage, one claim changes: a render that trusted the index would render only that one.
      await write(clone, 'deployments/dev/search.yaml', own('search').replace('"1.0.0"', '"1.0.7"'));
      await damage(clone);
      const json = await expectSameAsFull(clone);
      expect({ name, fromIndex: json.fromIndex }).toEqual({ name, fromIndex: 0 });
    }
    // The control: with no damage, the same change is answered from the index.
    const clone = freshClone(repo.root);
    await write(clone, 'deployments/dev/search.yaml', own('search').replace('"1.0.0"', '"1.0.7"'));
    expect((await expectSameAsFull(clone)).fromIndex).toBeGreaterThan(0);
  }, 120_000);

  it('--check and --no-cache never use it; --check never writes it', async () => {
    const repo = await renderedRepo();
    const clone = freshClone(repo.root);
    await write(clone, 'deployments/dev/cart.yaml', own('cart').replace('"1.0.0"', '"1.0.1"'));
    const before = readFileSync(path.join(clone, INDEX), 'utf8');
    const check = await cli(clone, 'render', '--check', '--json');
    expect(check.code).toBe(1);
    expect(JSON.parse(check.stdout)).toMatchObject({ written: ['rendered/dev/cart/api/values.yaml'], fromIndex: 0 });
    expect(readFileSync(path.join(clone, INDEX), 'utf8')).toBe(before);
    expect((await render(clone, '--no-cache')).fromIndex).toBe(0);
  });

  it('is byte-identical whatever the clock, time zone or file order', async () => {
    const repo = await renderedRepo();
    const copy = mkdtempSync(path.join(tmpdir(), 'infraforge-index-tz-'));
    temps.push(copy);
    cpSync(repo.root, copy, { recursive: true });
    rmSync(path.join(copy, 'rendered'), { recursive: true });
    const tz = process.env.TZ;
    process.env.TZ = 'Pacific/Kiritimati';
    try {
      await render(copy, '--no-cache');
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
    expect(readFileSync(path.join(copy, INDEX), 'utf8')).toBe(repo.read(INDEX));
  });
});

describe('the PR diff with the base’s render index', () => {
  /** The same base twice: with its index committed, and without one (a full render on both sides). */
  async function twins() {
    const withIndex = await renderedRepo();
    const without = freshClone(withIndex.root);
    git(without, 'rm', '--quiet', INDEX);
    commitAll(without, 'no index');
    return [withIndex.root, without] as const;
  }

  async function diff(root: string) {
    const r = await cli(root, 'diff', '--base', 'HEAD', '--no-manifests');
    const sha = git(root, 'rev-parse', 'HEAD').trim();
    return { code: r.code, stdout: r.stdout.replaceAll(sha, 'BASE').replaceAll(sha.slice(0, 12), 'BASE'), stderr: r.stderr };
  }

  const changes: Record<string, (root: string) => Promise<void> | void> = {
    'claims changed, removed and added': async (root) => {
      await write(root, 'deployments/dev/cart.yaml', own('cart').replace('"1.0.0"', '"2.0.0"'));
      rmSync(path.join(root, 'deployments/dev/search.yaml'));
      await write(root, 'deployments/dev/pay.yaml', own('pay'));
    },
    'a setting changed (every claim)': async (root) => {
      await write(root, 'deployments/settings.yaml', readFileSync(path.join(root, 'deployments/settings.yaml'), 'utf8').replace('owner: acme', 'owner: acmf'));
      await write(root, 'deployments/dev/cart.yaml', own('cart').replace('"1.0.0"', '"2.0.0"'));
    },
    'the chart changed (every claim)': async (root) => {
      const file = path.join(root, 'charts/common/values.schema.json');
      await write(root, 'charts/common/values.schema.json', `${readFileSync(file, 'utf8')}\n`);
    },
  };

  for (const [name, change] of Object.entries(changes)) {
    it(`says exactly what a full render says: ${name}`, async () => {
      const [indexed, plain] = await twins();
      await change(indexed);
      await change(plain);
      const a = await diff(indexed);
      const b = await diff(plain);
      expect({ code: a.code, stdout: a.stdout }).toEqual({ code: b.code, stdout: b.stdout });
      expect(a.stdout).toContain(name.startsWith('claims') ? '`cart`' : '');
      const used = /head took (\d+) and base (\d+)/.exec(a.stderr);
      expect(used, a.stderr).not.toBeNull();
      // Only the changed claims were rendered on the head; the base rendered none of its own.
      if (name.startsWith('claims')) expect(Number(used![1])).toBeGreaterThan(0);
      else expect(Number(used![1])).toBe(0);
      expect(b.stderr).not.toContain('head took');
    }, 60_000);
  }

  it('refuses a change that carries an index the render would not write', async () => {
    const [indexed] = await twins();
    await write(indexed, 'deployments/dev/cart.yaml', own('cart').replace('"1.0.0"', '"2.0.0"'));
    const text = readFileSync(path.join(indexed, INDEX), 'utf8');
    await write(indexed, INDEX, text.replace(/"inputs":"[0-9a-f]{64}"/, `"inputs":"${'0'.repeat(64)}"`));
    const r = await diff(indexed);
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).toContain(INDEX);
  }, 60_000);
});
