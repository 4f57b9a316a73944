/**
 * The PR comment says, for each change in the README's lifecycle table, what Argo CD will do:
 * the real pipeline renders a base and a head repository, and the comment's summary is read.
 * The mass-deletion warning runs `infraforge diff` on real git history, then the render it warns about.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compareTrees, type FileChange } from '../../src/diff/compare.js';
import { lifecycleNotes } from '../../src/diff/lifecycle.js';
import { summaryMarkdown } from '../../src/diff/markdown.js';
import { renderTree } from '../../src/diff/trees.js';
import { git, makeOrigin, type Origin } from '../support/git.js';
import { claim, cli, REPO_ROOT, SETTINGS, type TempRepo, tempRepo } from '../support/repo.js';

const WORKER = '    - name: worker\n      version: "1.0.0"\n      image: ghcr.io/acme/worker\n';
const DB = '  components:\n    - type: postgresql\n      name: main-db\n';
const CACHE = '    - type: redis\n      name: cache\n';

let repos: TempRepo[] = [];
let origin: Origin | undefined;
afterEach(() => {
  for (const r of repos) r.cleanup();
  repos = [];
  origin?.cleanup();
  origin = undefined;
});

async function render(files: Record<string, string>): Promise<Map<string, string>> {
  const repo = tempRepo(files);
  repos.push(repo);
  return (await renderTree(repo.root, {})).files;
}

/** The comment's summary for a PR that turns `base` into `head`. */
async function comment(base: Record<string, string>, head: Record<string, string>): Promise<{ summary: string; changes: FileChange[] }> {
  const changes = compareTrees(await render(base), await render(head));
  return { summary: summaryMarkdown({ changes }), changes };
}

const shop = (extra = '') => ({ 'deployments/dev/shop.yaml': claim('shop', 'dev', extra) });

describe('the PR comment says what Argo CD will do', () => {
  it('an app removed: its Application and everything it deployed are deleted', async () => {
    const { summary } = await comment(shop(WORKER), shop());
    expect(summary).toContain('> This change **removes 1 app(s)/component(s)**. What Argo CD will do:');
    expect(summary).toContain(
      '> - `dev/shop/worker` removed or disabled: Argo CD will delete the Application `shop-worker` and the Kubernetes objects it deployed (Deployment, Service, HPA, PDB, …).',
    );
  });

  it('an app disabled: the same words (its files go the same way)', async () => {
    const { summary } = await comment(shop(WORKER), shop(WORKER.replace('      version', '      enabled: false\n      version')));
    expect(summary).toContain('> - `dev/shop/worker` removed or disabled: Argo CD will delete the Application `shop-worker` and the Kubernetes objects it deployed');
  });

  it('a postgresql component removed: the Application goes, the CNPG Cluster and its data stay', async () => {
    const { summary } = await comment(shop(`${DB}${CACHE}`), shop(DB.replace('postgresql\n      name: main-db', 'redis\n      name: cache')));
    expect(summary).toContain(
      '> - `dev/shop/main-db` (postgresql) removed or disabled: Argo CD will delete the Application `shop-main-db` and its Services and StatefulSets; ' +
        'its CloudNativePG `Cluster` is **kept** (`Delete=false`), and so is the data — delete it by hand when the data can go.',
    );
    expect(summary).not.toContain('`dev/shop/cache`');
  });

  it('a redis component removed: its PersistentVolumeClaims stay', async () => {
    const { summary } = await comment(shop(`${DB}${CACHE}`), shop(DB));
    expect(summary).toContain(
      '> - `dev/shop/cache` (redis) removed or disabled: Argo CD will delete the Application `shop-cache` and its Services and StatefulSets; ' +
        "its PersistentVolumeClaims are **kept** (a StatefulSet's default retention), and so is the data — delete them by hand when the data can go.",
    );
  });

  it('a claim removed: its Applications go, the AppProject last, the data stays', async () => {
    const { summary } = await comment({ ...shop(DB), 'deployments/dev/other.yaml': claim('other').replace('Shop Team', 'Other Team') }, { 'deployments/dev/other.yaml': claim('other').replace('Shop Team', 'Other Team') });
    expect(summary).toContain('> This change **removes 2 app(s)/component(s)** and **1 claim(s)**. What Argo CD will do:');
    expect(summary).toContain(
      "> - claim `dev/shop` removed: Argo CD's root Application prunes its ApplicationSet and AppProject; the Applications `shop-api`, `shop-main-db` are deleted with the Kubernetes objects they deployed, " +
        "and the AppProject goes last (its finalizer waits for the Applications). **Kept**, with their data: `main-db`'s CloudNativePG `Cluster` (`Delete=false`) — delete them by hand when the data can go.",
    );
    // The units of a removed claim are said once, in the claim's note.
    expect(summary).not.toContain('`dev/shop/main-db` (postgresql) removed');
  });

  it('a claim renamed: called out as a probable rename, with what happens to data', async () => {
    const { summary } = await comment(shop(DB), { 'deployments/dev/shop.yaml': claim('store', 'dev', DB) });
    expect(summary).toContain('> - claim `dev/shop` removed: ');
    expect(summary).toContain(
      '> - claim `dev/shop` removed and `dev/store` added, sharing the units `api`, `main-db`: probably a rename. ' +
        'Argo CD makes new Applications `store-<unit>` and deletes the old ones. ' +
        'Objects are named after the unit, so in the same namespace the new Applications take over the kept data resources ' +
        '(data stays) and re-create the workloads (expect a restart); **if the namespace changes, the new components start empty** ' +
        'and the old data resources stay until deleted by hand.',
    );
  });

  it('a claim moved to another environment: called out as a probable move', async () => {
    const { summary } = await comment(shop(DB), { 'deployments/prod/shop.yaml': claim('shop', 'prod', DB) });
    expect(summary).toContain('> - claim `dev/shop` removed: ');
    expect(summary).toContain(
      "> - claim `shop` removed from `dev` and added to `prod`: probably a move. Each environment has its own Argo CD: `dev`'s deletes the old Applications as above, `prod`'s makes new ones. " +
        '**Data of components does not move**: the new components start empty.',
    );
  });

  it('a claim removed and an unrelated one added: no rename is claimed', async () => {
    const { summary } = await comment(shop(), { 'deployments/dev/web.yaml': claim('web').replace('name: api', 'name: site') });
    expect(summary).toContain('> - claim `dev/shop` removed: ');
    expect(summary).not.toContain('probably');
  });

  it('only additions and changes: no caution at all', async () => {
    const { summary } = await comment(shop(), shop(`${WORKER}${DB}`));
    expect(summary).not.toContain('[!CAUTION]');
    expect(summary).toContain('| `dev` | `shop` | `main-db`, `worker` | — | — |');
  });
});

describe('the mass-deletion guard in the comment', () => {
  it('warns when the render after the merge will stop, and says nothing when it will not', async () => {
    origin = makeOrigin({
      'deployments/settings.yaml': `${SETTINGS}  deletion:\n    maxDeletedApps: 1\n`,
      'deployments/dev/shop.yaml': claim('shop', 'dev', WORKER),
      'deployments/prod/shop.yaml': claim('shop', 'prod'),
    });
    const ws = origin.clone();
    expect((await cli(ws, 'render')).code).toBe(0);
    git(ws, 'add', '-A');
    git(ws, 'commit', '-qm', 'render');
    const write = (rel: string, text: string) => writeFileSync(path.join(ws, rel), text);

    write('deployments/dev/shop.yaml', claim('shop', 'dev'));
    const one = await cli(ws, 'diff', '--base', 'HEAD', '--no-manifests');
    expect(one.code, one.stderr).toBe(0);
    expect(one.stdout).toContain('`dev/shop/worker` removed or disabled');
    expect(one.stdout).not.toContain('mass-deletion guard');

    rmSync(path.join(ws, 'deployments/prod/shop.yaml'));
    const many = await cli(ws, 'diff', '--base', 'HEAD', '--no-manifests');
    expect(many.code, many.stderr).toBe(0);
    expect(many.stdout).toContain(
      '> **The render after this merges will stop at the mass-deletion guard**: it removes every rendered file of `prod`, ' +
        'and it removes 2 apps and components, over `deletion.maxDeletedApps` (1). ' +
        'If that is intended, run that render with `allow-deletions: true` (CLI: `--allow-deletions`); nothing is deleted until then.',
    );
    // And the render does what the comment said.
    const render = await cli(ws, 'render');
    expect(render.code).toBe(2);
    expect(render.stderr).toContain('every rendered file of environment "prod"');
    expect(render.stderr).toContain('would delete 2 apps, over the limit of 1');
  });
});

describe('the data each component type keeps', () => {
  const removed = (type: string): FileChange[] => [
    { path: `rendered/dev/shop/db/values.yaml`, kind: 'removed', env: 'dev', claim: 'shop', unit: 'db', unitType: type, added: 0, removed: 3, patch: '' },
  ];
  it.each([
    ['postgresql', 'CloudNativePG `Cluster`'],
    ['rabbitmq', '`RabbitmqCluster`'],
    ['mongodb', '`MongoDBCommunity`'],
    ['elasticsearch', '`Elasticsearch`'],
    ['kafka', 'Strimzi `Kafka`, `KafkaNodePool` and `KafkaTopic`s'],
    ['redis', 'PersistentVolumeClaims'],
  ])('%s keeps its %s', (type, words) => {
    const [note] = lifecycleNotes(removed(type));
    expect(note).toContain(`its ${words}`);
    expect(note).toMatch(type === 'redis' ? /are \*\*kept\*\* \(a StatefulSet's default retention\)/ : /\*\*kept\*\* \(`Delete=false`\)/);
  });

  it('an app keeps nothing', () => {
    const [note] = lifecycleNotes(removed('microservice'));
    expect(note).not.toContain('kept');
    expect(note).toContain('and the Kubernetes objects it deployed');
  });
});

describe('the README', () => {
  const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');

  it('has one lifecycle table, with every case the comment words (contract §3)', () => {
    const header = '| change in the claim repo | rendered/ | what Argo CD does |';
    expect(readme.split(header)).toHaveLength(2);
    const after = readme.split(header)[1]!.split('\n').slice(2);
    const table = after.slice(0, after.findIndex((l) => !l.startsWith('|')));
    const rows = table.map((l) => l.split('|')[1]!.trim());
    expect(rows).toEqual(['app `enabled: false`', 'app removed', 'component removed', 'claim removed', 'claim renamed', 'claim moved to another env']);
  });

  it('no longer promises that every removal deletes what was deployed', () => {
    expect(readme).not.toMatch(/Argo CD will delete what they deployed|preserveResourcesOnDeletion: true/);
  });
});
