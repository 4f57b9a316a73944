/**
 * The data-safety classification on real renders: a claim before and after an edit goes
 * through the real pipeline (renderTree), and what src/safety says about each data component
 * is checked against the operators' rules as the README's "Data safety" table states them
 * (test/support/safety-cases.ts). Then the verdict: what fails a review, what an
 * acknowledgement waves through, what stays stale, and the comment's section.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { renderTree } from '../../src/diff/trees.js';
import { dataSafety } from '../../src/safety/index.js';
import { IN_PLACE_CASES } from '../support/safety-cases.js';
import { claim, type TempRepo, tempRepo } from '../support/repo.js';

let repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos) r.cleanup();
  repos = [];
});

async function render(files: Record<string, string>) {
  const repo = tempRepo(files);
  repos.push(repo);
  return renderTree(repo.root, {});
}

const withComponents = (...lines: string[]) => (lines.length ? `  components:\n${lines.map((l) => `    - ${l}\n`).join('')}` : '');

async function judge(base: Record<string, string>, head: Record<string, string>) {
  const [b, h] = await Promise.all([render(base), render(head)]);
  return dataSafety(b.files, h.files, h.claims);
}

describe('each in-place change is classified by the operator rule behind it', () => {
  it.each(IN_PLACE_CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const env = c.env ?? 'staging';
    const file = `deployments/${env}/shop.yaml`;
    const { verdict } = await judge({ [file]: claim('shop', env, withComponents(c.base)) }, { [file]: claim('shop', env, withComponents(c.head)) });
    expect(verdict.findings.map((f) => ({ change: f.change, class: f.class, ...(f.by ? { by: f.by } : {}) }))).toEqual(c.expect);
    // Every finding says what happens and what to do, in a sentence or two.
    for (const f of verdict.findings) expect(f.sentence.length).toBeGreaterThan(40);
  });
});

describe('a component that leaves its place', () => {
  const shop = (env: string, extra: string, name = 'shop') => ({ [`deployments/${env}/${name}.yaml`]: claim(name, env, extra) });

  it('renamed in its claim: the new one starts empty (data loss), named after the new component', async () => {
    const { verdict } = await judge(shop('dev', withComponents('{ type: redis, name: cache }')), shop('dev', withComponents('{ type: redis, name: cache2 }')));
    expect(verdict.findings.map((f) => [f.component, f.change, f.class])).toEqual([['cache2', 'renamed', 'data loss']]);
    expect(verdict.findings[0]!.sentence).toContain("`cache`'s data stays behind, orphaned");
  });

  it('removed: downtime, in the lifecycle table\'s words (the data resource is kept)', async () => {
    const { verdict } = await judge(shop('dev', withComponents('{ type: postgresql, name: db }')), shop('dev', ''));
    expect(verdict.findings.map((f) => [f.component, f.change, f.class])).toEqual([['db', 'removed', 'downtime']]);
    expect(verdict.findings[0]!.sentence).toContain('the CloudNativePG `Cluster` is kept (`Delete=false`) with the data');
    expect(verdict.reviewProblems).toEqual([]);
  });

  it('the claim moved to another environment: data loss (components start empty there)', async () => {
    const { verdict } = await judge(shop('dev', withComponents('{ type: postgresql, name: db }')), shop('staging', withComponents('{ type: postgresql, name: db }')));
    expect(verdict.findings.map((f) => [f.env, f.component, f.change, f.class])).toEqual([['staging', 'db', 'moved', 'data loss']]);
  });

  it('the claim moved to another namespace (handed to another team): data loss', async () => {
    const moved = shop('dev', withComponents('{ type: mongodb, name: docs }'));
    moved['deployments/dev/shop.yaml'] = moved['deployments/dev/shop.yaml']!.replace('team: Shop Team', 'team: Search Team');
    const { verdict } = await judge(shop('dev', withComponents('{ type: mongodb, name: docs }')), moved);
    expect(verdict.findings.map((f) => [f.change, f.class])).toEqual([['moved', 'data loss']]);
  });

  it('moved to another claim of the same team (same namespace): taken over, data stays; redis restarts', async () => {
    const other = (extra: string) => ({ 'deployments/dev/other.yaml': claim('other', 'dev', extra).replace('name: api', 'name: web') });
    const { verdict } = await judge(
      { ...shop('dev', withComponents('{ type: postgresql, name: db }', '{ type: redis, name: cache }')), ...other('') },
      { ...shop('dev', ''), ...other(withComponents('{ type: postgresql, name: db }', '{ type: redis, name: cache }')) },
    );
    expect(verdict.findings.map((f) => [f.claim, f.component, f.change, f.class])).toEqual([
      ['other', 'cache', 'taken-over', 'downtime'],
      ['other', 'db', 'taken-over', 'safe'],
    ]);
  });

  it('the same name, another type: data loss', async () => {
    const { verdict } = await judge(shop('dev', withComponents('{ type: redis, name: store }')), shop('dev', withComponents('{ type: postgresql, name: store }')));
    expect(verdict.findings.map((f) => [f.change, f.class])).toEqual([['type-changed', 'data loss']]);
  });

  it('only apps change: no finding and no section', async () => {
    const db = withComponents('{ type: postgresql, name: db }');
    const result = await judge(shop('dev', db), { 'deployments/dev/shop.yaml': claim('shop', 'dev', db).replace('"1.0.0"', '"1.1.0"') });
    expect(result.verdict.findings).toEqual([]);
    expect(result.markdown).toBe('');
  });
});

describe('the verdict: what fails a review, and the acknowledgement', () => {
  const base = { 'deployments/dev/shop.yaml': claim('shop', 'dev', withComponents('{ type: redis, name: cache }')) };
  const renamed = (ack = '') => ({ 'deployments/dev/shop.yaml': claim('shop', 'dev', `${withComponents('{ type: redis, name: cache2 }')}${ack}`) });
  const ACK = '  acknowledge:\n    - { component: cache2, change: renamed }\n';

  it('data loss without an acknowledgement fails the review at the component line, and says how to acknowledge', async () => {
    const { verdict, markdown } = await judge(base, renamed());
    expect(verdict.reviewProblems).toHaveLength(1);
    const p = verdict.reviewProblems[0]!;
    // claim(): 18 lines up to the app's health check; components: at 19, its first entry at 20.
    expect([p.file, p.line, p.code, p.field]).toEqual(['deployments/dev/shop.yaml', 20, 'data-loss', 'spec.components[0].name']);
    expect(p.message).toContain('acknowledge: [{component: cache2, change: renamed}]');
    expect(verdict.renderProblems).toEqual([]);
    expect(markdown).toContain('| `dev/shop/cache2` (redis) | **data loss** |');
    expect(markdown).toContain('**1 change(s) fail this check**');
  });

  it('acknowledged: the review passes, the comment says so; nothing is stale', async () => {
    const { verdict, markdown } = await judge(base, renamed(ACK));
    expect(verdict.reviewProblems).toEqual([]);
    expect(verdict.stale).toEqual([]);
    expect(markdown).toContain('| `dev/shop/cache2` (redis) | **data loss** — acknowledged in `deployments/dev/shop.yaml` | `renamed` (acknowledged): ');
    expect(markdown).toContain('Nothing here fails the check.');
  });

  it('an acknowledgement that matches no change is stale, pointed at its line', async () => {
    const { verdict } = await judge(renamed(ACK), renamed(ACK));
    expect(verdict.findings).toEqual([]);
    expect(verdict.stale.map((p) => [p.code, p.line, p.field])).toEqual([['acknowledge-stale', 22, 'spec.acknowledge[0]']]);
  });

  it('an acknowledgement names the change: another change of the same component is not waved through', async () => {
    const { verdict } = await judge(base, renamed('  acknowledge:\n    - { component: cache2, change: moved }\n'));
    expect(verdict.reviewProblems.map((p) => p.code)).toEqual(['data-loss']);
    expect(verdict.stale).toHaveLength(1);
  });

  it('refused after merge fails the review and stops the render, acknowledged or not', async () => {
    const file = 'deployments/dev/shop.yaml';
    const { verdict, markdown } = await judge(
      { [file]: claim('shop', 'dev', withComponents('{ type: redis, name: cache, storage: 1Gi }')) },
      { [file]: claim('shop', 'dev', withComponents('{ type: redis, name: cache, storage: 2Gi }')) },
    );
    expect(verdict.reviewProblems.map((p) => [p.code, p.line])).toEqual([['refused-after-merge', 20]]);
    expect(verdict.renderProblems.map((p) => [p.code, p.line])).toEqual([['refused-after-merge', 20]]);
    expect(verdict.reviewProblems[0]!.message).toContain('No acknowledgement makes it sync');
    expect(markdown).toContain('| `dev/shop/cache` (redis) | **refused after merge** (API server) | `storage-grow`: ');
  });

  it('rows are ordered worst first, one per component, with every change of it', async () => {
    const file = 'deployments/staging/shop.yaml';
    const { markdown } = await judge(
      { [file]: claim('shop', 'staging', withComponents('{ type: postgresql, name: a, version: "16", storage: 10Gi }', '{ type: kafka, name: b, brokers: 5 }')) },
      { [file]: claim('shop', 'staging', withComponents('{ type: postgresql, name: a, version: "17", storage: 20Gi }', '{ type: kafka, name: b, brokers: 3 }')) },
    );
    const rows = markdown.split('\n').filter((l) => l.startsWith('| `'));
    expect(rows.map((r) => r.split(' | ').slice(0, 2).join(' | '))).toEqual(['| `staging/shop/b` (kafka) | **refused after merge** (operator)', '| `staging/shop/a` (postgresql) | **downtime**']);
    expect(rows[1]).toMatch(/`storage-grow`: .*<br>`major-upgrade`: /);
  });
});
