/**
 * Data safety through the CLI on real git history: `diff` fails (exit 2, the component's line)
 * on what would never sync and on unacknowledged data loss; `render` refuses what would never
 * sync with nothing written, lets an acknowledged data loss through, and warns while the
 * acknowledgement stays behind.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { git, type Origin, makeOrigin } from '../support/git.js';
import { claim, cli } from '../support/repo.js';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

let origin: Origin;
afterEach(() => origin?.cleanup());

const FILE = 'deployments/dev/shop.yaml';
const shop = (components: string, extra = '') => claim('shop', 'dev', `  components:\n${components}${extra}`);

/** A clone whose HEAD commit has `base` rendered; the work tree then holds `head`. */
async function workspace(base: string, head: string): Promise<string> {
  origin = makeOrigin({ [FILE]: base });
  const ws = origin.clone();
  expect((await cli(ws, 'render')).code).toBe(0);
  git(ws, 'add', '-A');
  git(ws, 'commit', '-qm', 'render');
  writeFileSync(path.join(ws, FILE), head);
  return ws;
}

describe('data safety in the CLI', () => {
  it('a redis volume resize: diff and render both refuse it at the component line; nothing is written', async () => {
    const ws = await workspace(shop('    - { type: redis, name: cache, storage: 1Gi }\n'), shop('    - { type: redis, name: cache, storage: 5Gi }\n'));
    const before = readFileSync(path.join(ws, 'rendered/dev/shop/cache/values.yaml'), 'utf8');
    const d = await cli(ws, 'diff', '--base', 'HEAD', '--no-manifests');
    expect(d.code).toBe(2);
    expect(d.stdout).toContain('| `dev/shop/cache` (redis) | **refused after merge** (API server) |');
    expect(d.stderr).toMatch(/^deployments\/dev\/shop\.yaml:20:\d+: dev\/shop\/cache \(redis, storage-grow\): refused after merge by the API server\. /m);
    const r = await cli(ws, 'render');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('deployments/dev/shop.yaml:20:');
    expect(r.stderr).toContain('refused after merge by the API server');
    expect(readFileSync(path.join(ws, 'rendered/dev/shop/cache/values.yaml'), 'utf8')).toBe(before);
  });

  it('a renamed database: diff fails until acknowledged; render lets it through, then warns while the acknowledgement stays', async () => {
    const ws = await workspace(shop('    - { type: postgresql, name: db }\n'), shop('    - { type: postgresql, name: maindb }\n'));
    const d = await cli(ws, 'diff', '--base', 'HEAD', '--no-manifests');
    expect(d.code).toBe(2);
    expect(d.stderr).toContain('deployments/dev/shop.yaml:20:');
    expect(d.stderr).toContain('acknowledge: [{component: maindb, change: renamed}]');

    writeFileSync(path.join(ws, FILE), shop('    - { type: postgresql, name: maindb }\n', '  acknowledge:\n    - { component: maindb, change: renamed }\n'));
    const acked = await cli(ws, 'diff', '--base', 'HEAD', '--no-manifests');
    expect(acked.code, acked.stderr).toBe(0);
    expect(acked.stdout).toContain('**data loss** — acknowledged in `deployments/dev/shop.yaml`');

    const r = await cli(ws, 'render', '--no-cache');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('acknowledge');
    const again = await cli(ws, 'render', '--no-cache');
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/^warning: deployments\/dev\/shop\.yaml:22:\d+: acknowledgement of renamed for maindb matches no change in this run: remove it/m);
  });
});
