/**
 * Every schema problem of a claim at once, in the user's words: positions, codes, "did you
 * mean", formats described with an example, and the bound on the work allErrors can do.
 */
import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../src/claims/discover.js';
import { didYouMean, editDistance, kubernetesSpelling, PATTERN_HINTS } from '../../src/claims/hints.js';
import { loadClaims } from '../../src/claims/load.js';
import { MAX_NODES } from '../../src/claims/parse.js';
import { MAX_PROBLEMS_PER_DOCUMENT } from '../../src/claims/schema-errors.js';
import claimSchema from '../../src/claims/application-claim.schema.json' with { type: 'json' };
import settingsSchema from '../../src/settings/render-settings.schema.json' with { type: 'json' };
import { formatProblems, MAX_PRINTED_PROBLEMS, type Problem, sortProblems } from '../../src/errors.js';
import { githubRepository } from '../../src/render/values.js';

function load(text: string) {
  return loadClaims([{ path: 'deployments/dev/shop.yaml', env: 'dev', text }]);
}

const FIVE_MISTAKES = `apiVersion: platform.infraforge.io/v1
kind: ApplicationClaim
metadata:
  name: Shop
spec:
  environment: dev
  owner:
    team: Shop Team
    email: shop-at-example.com
  applications:
    - name: web
      version: "1.2.0"
      healtCheck:
        path: /healthz
      ports:
        - name: http
          port: 8080
          protocol: TPC
      replicas: two
`;

describe('schema problems', () => {
  it('reports every mistake of a claim in one run, sorted by line, each at its own place', () => {
    const { problems, claims } = load(FIVE_MISTAKES);
    expect(claims).toEqual([]);
    expect(sortProblems(problems).map((p) => [p.line, p.col, p.code, p.field])).toEqual([
      [4, 9, 'schema-pattern', 'metadata.name'],
      [9, 12, 'schema-pattern', 'spec.owner.email'],
      [13, 7, 'schema-unknown-field', 'spec.applications[0].healtCheck'],
      [18, 21, 'schema-enum', 'spec.applications[0].ports[0].protocol'],
      [19, 17, 'schema-type', 'spec.applications[0].replicas'],
    ]);
  });

  it('suggests the intended field and enum value, in the message an annotation carries', () => {
    const messages = load(FIVE_MISTAKES).problems.map((p) => p.message);
    expect(messages).toContain('unknown field "healtCheck"; did you mean "healthCheck"?');
    expect(messages).toContain('"TPC" is not one of "TCP", "UDP", "SCTP"; did you mean "TCP"?');
  });

  it('describes formats in words with an example, never as a regular expression', () => {
    const messages = sortProblems(load(FIVE_MISTAKES).problems).map((p) => p.message);
    expect(messages[0]).toBe('"Shop" is not a DNS label: lowercase letters, digits and \'-\', starting and ending with a letter or digit; for example web-api');
    expect(messages[1]).toBe('"shop-at-example.com" is not an email address; for example team@example.com');
    for (const m of messages) expect(m).not.toMatch(/\^|\$|\[A-Z/);
  });

  it('has words for every pattern the claim and settings schemas use', () => {
    const patterns = new Set<string>();
    const walk = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        for (const [k, v] of Object.entries(node)) {
          if (k === 'pattern' && typeof v === 'string') patterns.add(v);
          else walk(v);
        }
      }
    };
    walk(claimSchema);
    walk(settingsSchema);
    const missing = [...patterns].filter((p) => !PATTERN_HINTS[p]);
    expect(missing, 'add these patterns to PATTERN_HINTS in src/claims/hints.ts').toEqual([]);
  });

  it('reports one problem for a value of the wrong shape inside a oneOf, not one per alternative', () => {
    const text = FIVE_MISTAKES.replace('metadata:\n  name: Shop', 'metadata:\n  name: shop')
      .replace('    email: shop-at-example.com', '    email: shop@example.com')
      .replace('      healtCheck:\n        path: /healthz\n', '      image: ["not", "a", "string"]\n')
      .replace('          protocol: TPC\n', '')
      .replace('      replicas: two\n', '');
    const { problems } = load(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'schema-oneof', field: 'spec.applications[0].image', line: 13 });
  });

  it('picks the alternative the author meant: an image object with a bad field', () => {
    const text = FIVE_MISTAKES.replace('metadata:\n  name: Shop', 'metadata:\n  name: shop')
      .replace('    email: shop-at-example.com', '    email: shop@example.com')
      .replace('      healtCheck:\n        path: /healthz\n', '      image:\n        repository: ghcr.io/acme/web\n        pulPolicy: Always\n')
      .replace('          protocol: TPC\n', '')
      .replace('      replicas: two\n', '');
    const { problems } = load(text);
    expect(problems.map((p) => p.message)).toEqual(['unknown field "pulPolicy"; did you mean "pullPolicy"?']);
  });

  it('caps printed problems at 100, then says how many more', () => {
    const many: Problem[] = Array.from({ length: 250 }, (_, i) => ({ file: 'f.yaml', line: 250 - i, col: 1, code: 'x', message: `m${i}` }));
    const lines = formatProblems(sortProblems(many));
    expect(lines).toHaveLength(MAX_PRINTED_PROBLEMS + 1);
    expect(lines[0]).toBe('f.yaml:1:1: m249');
    expect(lines.at(-1)).toBe('... and 150 more problems');
  });

  it('stays bounded on the worst claim the caps allow (1 MiB, 100,000 nodes, every entry wrong)', () => {
    // Every application entry carries four mistakes: an unknown field, a bad name, a wrong type, a bad enum.
    const entry = '    - nme: X\n      name: "-"\n      replicas: x\n      ports: [{port: 0, protocol: Q}]\n';
    const header = 'apiVersion: platform.infraforge.io/v1\nkind: ApplicationClaim\nmetadata: {name: shop}\nspec:\n  environment: dev\n  owner: {team: t, email: a@b}\n  applications:\n';
    const perEntryNodes = 14;
    const count = Math.min(Math.floor((MAX_FILE_BYTES - header.length) / entry.length), Math.floor(MAX_NODES / perEntryNodes) - 10);
    const text = header + entry.repeat(count);
    expect(text.length).toBeLessThanOrEqual(MAX_FILE_BYTES);
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const { problems } = load(text);
    const cpu = process.cpuUsage(cpuBefore);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    const ms = performance.now() - started;
    const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
    console.log(`worst case: ${text.length} bytes, ${count} entries, ${problems.length} problems in ${ms.toFixed(0)} ms, heap +${heapMb.toFixed(0)} MB`);
    // Each document reports its first MAX_PROBLEMS_PER_DOCUMENT problems and counts the rest.
    expect(problems).toHaveLength(MAX_PROBLEMS_PER_DOCUMENT + 1);
    expect(problems.at(-1)!.message).toMatch(/^and [0-9]+ more schema errors in this document/);
    expect(Number(/^and ([0-9]+)/.exec(problems.at(-1)!.message)![1])).toBeGreaterThan(count * 4 - MAX_PROBLEMS_PER_DOCUMENT);
    // Measured ≈1.2 s and +135 MB heap at load 2 on the shared 2-core machine (≈5 s at load 16):
    // parsing ≈0.55 s, allErrors validation ≈0.6 s (first-error validation: 0.03 s), problems 5 ms.
    // The bound is on CPU time, which other work on the machine does not stretch (wall time
    // reached 120 s at load 40); the benchmark keeps the speed target.
    expect(cpuMs, `${ms.toFixed(0)} ms wall`).toBeLessThan(20_000);
  }, 300_000);
});

describe('did you mean', () => {
  it('finds a likely typo and nothing for a stranger', () => {
    expect(didYouMean('healtCheck', ['healthCheck', 'ports'])).toBe('healthCheck');
    expect(didYouMean('autoscalling', ['autoscaling', 'env'])).toBe('autoscaling');
    expect(didYouMean('Replicas', ['replicas'])).toBe('replicas');
    expect(didYouMean('srvice', ['serviceName'])).toBeUndefined();
    expect(didYouMean('foo', ['bar', 'baz'])).toBeUndefined();
  });

  it("takes Kubernetes' spelling of a probe or port field for the claim's", () => {
    expect(kubernetesSpelling('httpGet', ['http', 'grpc', 'tcp', 'exec'])).toBe('http');
    expect(kubernetesSpelling('tcpSocket', ['http', 'grpc', 'tcp', 'exec'])).toBe('tcp');
    expect(kubernetesSpelling('httpGet', ['path', 'port'])).toBeUndefined();
    expect(kubernetesSpelling('constructor', ['http'])).toBeUndefined();
  });

  it('counts a transposition as one edit', () => {
    expect(editDistance('tcp', 'tpc')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});

describe('repository', () => {
  const withRepository = (repository: string) =>
    FIVE_MISTAKES.replace('metadata:\n  name: Shop', 'metadata:\n  name: shop')
      .replace('    email: shop-at-example.com', '    email: shop@example.com')
      .replace('      healtCheck:\n        path: /healthz\n', `      repository: ${repository}\n`)
      .replace('          protocol: TPC\n', '')
      .replace('      replicas: two\n', '');

  it.each(['company/web-frontend', 'https://github.com/company/web-frontend', 'https://github.com/Company/web-frontend.git', 'git@github.com:company/web-frontend.git', 'company/web-frontend.git'])(
    'accepts %s and normalises it to owner/name',
    (form) => {
      expect(load(withRepository(form)).problems).toEqual([]);
      expect(githubRepository(form)).toBe('company/web-frontend');
    },
  );

  it('refuses other hosts with an example of what to write', () => {
    const { problems } = load(withRepository('https://gitlab.com/company/web'));
    expect(problems[0]!.message).toBe('"https://gitlab.com/company/web" is not a GitHub repository: owner/name, or its https:// or git@github.com: URL; for example acme/web-frontend');
  });
});
