/**
 * The PR comment's "Data safety" section for edits of the examples, against reviewed golden
 * files (test/fixtures/golden-safety; UPDATE_GOLDEN=1 rewrites them): the repository's own prod
 * claim (deployments/prod) and the claim with all six component types
 * (test/fixtures/all-components/prod), each edited the way a PR would.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareTrees } from '../../src/diff/compare.js';
import { summaryMarkdown } from '../../src/diff/markdown.js';
import { renderTree } from '../../src/diff/trees.js';
import { dataSafety } from '../../src/safety/index.js';
import { REPO_ROOT, type TempRepo, tempRepo } from '../support/repo.js';

const GOLDEN = path.join(REPO_ROOT, 'test/fixtures/golden-safety');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const repos: TempRepo[] = [];
afterAll(() => repos.forEach((r) => r.cleanup()));

/** The comment's summary (everything above the per-file diffs) for a PR turning `base` into `head`. */
async function summary(file: string, base: string, head: string, extra: Record<string, string> = {}): Promise<string> {
  const [b, h] = await Promise.all(
    [base, head].map(async (text) => {
      const repo = tempRepo({ ...extra, [file]: text });
      repos.push(repo);
      return renderTree(repo.root, {});
    }),
  );
  const safety = dataSafety(b!.files, h!.files, h!.claims);
  return summaryMarkdown({ changes: compareTrees(b!.files, h!.files), ...(safety.markdown ? { dataSafety: safety.markdown } : {}) });
}

function golden(name: string, text: string): void {
  const file = path.join(GOLDEN, name);
  if (UPDATE) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, text);
  }
  expect(text).toBe(readFileSync(file, 'utf8'));
}

/** Replaces exactly one occurrence, so a fixture edit that stops matching fails loudly. */
function edit(text: string, from: string, to: string): string {
  expect(text.split(from).length - 1, from).toBe(1);
  return text.replace(from, to);
}

describe('the Data safety section of the examples', () => {
  it('deployments/prod: PostgreSQL 16 → 17 and a bigger Redis volume', async () => {
    const base = readFileSync(path.join(REPO_ROOT, 'deployments/prod/ecommerce-claim.yaml'), 'utf8');
    let head = edit(base, '      version: "16"\n      size: medium', '      version: "17"\n      size: medium');
    head = edit(head, '      version: "7.4"\n      size: small', '      version: "7.4"\n      size: small\n      storage: 20Gi');
    // With this repository's settings: its team registry grants the prod claim its namespace.
    const settings = { 'deployments/settings.yaml': readFileSync(path.join(REPO_ROOT, 'deployments/settings.yaml'), 'utf8') };
    golden('prod-ecommerce.md', await summary('deployments/prod/ecommerce-claim.yaml', base, head, settings));
  });

  it('all six types: one change each, and a component renamed with its acknowledgement', async () => {
    const base = readFileSync(path.join(REPO_ROOT, 'test/fixtures/all-components/prod/market.yaml'), 'utf8');
    let head = edit(base, '      version: "16"\n      size: small', '      version: "15"\n      size: small');
    head = edit(head, '      name: cache\n', '      name: cache-v2\n');
    head = edit(head, '      version: "4.1.4"\n', '      version: "4.1.5"\n');
    head = edit(head, '        size: 20Gi\n        storageClass: gp3', '        size: 40Gi\n        storageClass: gp3');
    head = edit(head, '      heap: 2g\n      replicas: 3', '      heap: 2g\n      replicas: 5');
    head = edit(head, '      brokers: 3\n      storage: 30Gi', '      brokers: 3\n      storage: 20Gi');
    head = edit(head, 'uses: [orders-db, cache,', 'uses: [orders-db, cache-v2,');
    head += '  acknowledge:\n    - { component: cache-v2, change: renamed }\n';
    golden('prod-market.md', await summary('deployments/prod/market.yaml', base, head));
  });
});
