/**
 * The vendored upstream CRDs are what their provenance record says: every YAML file under
 * test/crds (and under test/e2e/webhooks/vendor, what the operator harness adds) is listed in
 * its folder's README with a sha256 that matches the bytes, and every listed file exists. A
 * silently edited or swapped CRD would otherwise change what "valid" means.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/repo.js';

const VENDORED = ['test/crds', 'test/e2e/webhooks/vendor'];

function yamlFiles(dir: string, rel = ''): string[] {
  return readdirSync(path.join(dir, rel)).flatMap((name) => {
    const r = rel ? `${rel}/${name}` : name;
    if (statSync(path.join(dir, r)).isDirectory()) return yamlFiles(dir, r);
    return r.endsWith('.yaml') ? [r] : [];
  });
}

/** README sections name a file (or `dir/{a,b}-crd.yaml`) and give `sha256: <hex>` or `name <hex>` pairs. */
function recorded(dir: string): Map<string, string> {
  const readme = readFileSync(path.join(dir, 'README.md'), 'utf8');
  const out = new Map<string, string>();
  for (const section of readme.split(/^## /m).slice(1)) {
    const heading = section.split('\n')[0]!.trim();
    const brace = /^(.*)\/\{(.*)\}(.*)$/.exec(heading);
    if (brace) {
      for (const name of brace[2]!.split(',')) {
        const file = `${name}${brace[3]}`;
        const m = new RegExp(`${file.replace(/\./g, '\\.')} ([0-9a-f]{64})`).exec(section);
        if (m) out.set(`${brace[1]}/${file}`, m[1]!);
      }
    } else {
      const m = /sha256: ([0-9a-f]{64})/.exec(section);
      if (m) out.set(heading, m[1]!);
    }
  }
  return out;
}

describe('vendored CRDs', () => {
  it.each(VENDORED)('%s: every file has a recorded sha256 that matches its bytes, and every record has its file', (folder) => {
    const CRDS = path.join(REPO_ROOT, folder);
    const files = yamlFiles(CRDS).sort();
    const record = recorded(CRDS);
    expect(files.length).toBeGreaterThan(0);
    expect([...record.keys()].sort()).toEqual(files);
    for (const file of files) {
      const digest = createHash('sha256').update(readFileSync(path.join(CRDS, file))).digest('hex');
      expect(digest, file).toBe(record.get(file));
    }
  });
});
