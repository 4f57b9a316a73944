/**
 * The object diff reads helm's output with js-yaml for speed (src/diff/redact.ts); `yaml`, the
 * strict reader, must read the same data from it. Checked on the real `helm template` of every
 * unit of the examples: the repository's claims, the six component types, the real apps.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { manifestDocuments, strictManifestDocuments } from '../../src/diff/redact.js';
import { renderTree } from '../../src/diff/trees.js';
import { HELM } from '../support/helm.js';
import { REPO_ROOT, type TempRepo, tempRepo } from '../support/repo.js';

const run = promisify(execFile);
const repos: TempRepo[] = [];
const work = mkdtempSync(path.join(tmpdir(), 'infraforge-parsers-'));
afterAll(() => {
  repos.forEach((r) => r.cleanup());
  rmSync(work, { recursive: true, force: true });
});

/** Claim files under `dir` (relative to the repository), as `deployments/<env>/<file>`. */
function claimsUnder(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const env of readdirSync(path.join(REPO_ROOT, dir), { withFileTypes: true }).filter((e) => e.isDirectory())) {
    for (const file of readdirSync(path.join(REPO_ROOT, dir, env.name))) files[`deployments/${env.name}/${file}`] = readFileSync(path.join(REPO_ROOT, dir, env.name, file), 'utf8');
  }
  return files;
}

/** Each example, with the settings it renders under (the repository's own for deployments/). */
const EXAMPLES: [string, Record<string, string>, string | undefined][] = [
  ['deployments/', claimsUnder('deployments'), readFileSync(path.join(REPO_ROOT, 'deployments/settings.yaml'), 'utf8')],
  ['test/fixtures/all-components', claimsUnder('test/fixtures/all-components'), undefined],
  ['test/fixtures/real-apps', claimsUnder('test/fixtures/real-apps/deployments'), undefined],
];

describe.skipIf(!HELM)('js-yaml and yaml read helm’s output alike', () => {
  it.each(EXAMPLES)('every unit of %s', async (_name, files, settings) => {
    const repo = tempRepo(files, settings ? { settings } : {});
    repos.push(repo);
    const tree = await renderTree(repo.root, {});
    const units = [...tree.files].filter(([p]) => p.endsWith('/values.yaml'));
    expect(units.length).toBeGreaterThan(3);
    for (const [file, values] of units) {
      const valuesFile = path.join(work, 'values.yaml');
      writeFileSync(valuesFile, values);
      const [, , claim, unit] = file.split('/');
      const { stdout } = await run('helm', ['template', `${claim}-${unit}`, path.join(REPO_ROOT, 'charts/common'), '--kube-version', '1.31.0', '-f', valuesFile], { maxBuffer: 64 << 20 });
      const fast = manifestDocuments(stdout);
      expect(fast.length, file).toBeGreaterThan(0);
      expect(fast, file).toEqual(strictManifestDocuments(stdout));
    }
  });
});

describe('the scalars where YAML 1.1 and 1.2 readers part', () => {
  it('dates, yes/no, octals, underscores, sexagesimals, special floats: the same data from both', () => {
    const text = 'a: 2024-01-01\nb: yes\nc: 0o17\nd: .inf\ne: ~\nf: 010\ng: 1_000\nh: 0x1F\ni: +12\nj: 1e3\nk: .NaN\nl: True\nm: NULL\nn: 0b101\no: 1:20\np: -.5\nq: 012e1\nr: NO\n---\n- on\n- off\n';
    const fast = manifestDocuments(text);
    expect(fast).toEqual(strictManifestDocuments(text));
    expect(fast[0]).toMatchObject({ a: '2024-01-01', b: 'yes', c: 15, g: '1_000', o: '1:20', r: 'NO' });
  });
});
