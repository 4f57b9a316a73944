import { describe, expect, it } from 'vitest';
import { discoverClaimFiles } from '../../src/claims/discover.js';
import { MAX_ALIASES, parseClaimFile } from '../../src/claims/parse.js';
import { tempRepo } from '../support/repo.js';

describe('parseClaimFile', () => {
  it('keeps positions per document', () => {
    const parsed = parseClaimFile('f.yaml', 'a: 1\n---\nb:\n  c: 2\n');
    expect(parsed.problems).toEqual([]);
    expect(parsed.docs).toHaveLength(2);
    expect(parsed.docs[1]!.locate(['b', 'c'], 'key')).toEqual({ line: 4, col: 3 });
    expect(parsed.docs[1]!.locate(['b', 'c'], 'value')).toEqual({ line: 4, col: 6 });
    expect(parsed.docs[1]!.locate(['b', 'missing'], 'key')).toEqual({ line: 3, col: 1 });
  });

  it('expands a few aliases and stops past the budget', () => {
    const few = parseClaimFile('f.yaml', 'a: &x [1, 2]\nb: *x\nc: *x\n');
    expect(few.docs[0]!.data).toEqual({ a: [1, 2], b: [1, 2], c: [1, 2] });
    const many = `a: &x 1\nlist: [${Array(MAX_ALIASES + 1).fill('*x').join(', ')}]\n`;
    expect(parseClaimFile('f.yaml', many).problems[0]!.code).toBe('yaml-alias-limit');
  });

  it('never touches Object.prototype', () => {
    const parsed = parseClaimFile('f.yaml', 'a:\n  __proto__:\n    polluted: 1\n');
    expect(parsed.problems[0]).toMatchObject({ code: 'forbidden-key', line: 2, col: 3 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads plain non-strings as YAML 1.2 core types where no schema asks for a string', () => {
    expect(parseClaimFile('f.yaml', 'a: yes\nb: 1.10\nc: true\nd: 2024-01-01\n').docs[0]!.data).toEqual({ a: 'yes', b: 1.1, c: true, d: '2024-01-01' });
  });
});

describe('discoverClaimFiles caps', () => {
  it('refuses too many files before reading any', async () => {
    const repo = tempRepo();
    try {
      for (let i = 0; i < 6; i++) repo.write(`deployments/dev/c${i}.yaml`, 'x: 1\n');
      const found = await discoverClaimFiles(repo.root, { maxFiles: 5 });
      expect(found.files).toEqual([]);
      expect(found.problems[0]).toMatchObject({ code: 'too-many-files', file: 'deployments' });
    } finally {
      repo.cleanup();
    }
  });

  it('refuses environment folders that are not DNS labels', async () => {
    const repo = tempRepo();
    try {
      repo.write('deployments/Prod_EU/c.yaml', 'x: 1\n');
      const found = await discoverClaimFiles(repo.root);
      expect(found.problems[0]).toMatchObject({ code: 'env-name', file: 'deployments/Prod_EU' });
    } finally {
      repo.cleanup();
    }
  });
});
