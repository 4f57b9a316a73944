/**
 * One parser (issue 18, item 4): the fast path (js-yaml events) and the strict path (`yaml`)
 * must give one verdict on every input. Inputs come from a seeded generator of YAML edge cases
 * (test/support/yaml-fuzz.ts): whatever the fast path accepts, the strict path accepts with the
 * same data; every refusal, through the whole loader and the real CLI, is exit 2 with
 * path:line:col and never exit 3; time and memory stay bounded.
 */
import { resourceUsage } from 'node:process';
import { describe, expect, it } from 'vitest';
import claimSchema from '../../src/claims/application-claim.schema.json' with { type: 'json' };
import { decodeUtf8 } from '../../src/claims/discover.js';
import { fastParseClaimFile } from '../../src/claims/fast-parse.js';
import { loadClaims } from '../../src/claims/load.js';
import { parseClaimFile } from '../../src/claims/parse.js';
import { schemaCursor } from '../../src/claims/schema-cursor.js';
import { measuredBudget } from '../support/budget.js';
import { claim, cli, tempRepo } from '../support/repo.js';
import { rng } from '../support/seeded.js';
import { CLAIM_EDITS, pick, randomDocument } from '../support/yaml-fuzz.js';

const cursor = schemaCursor(claimSchema as Record<string, unknown>);
const SEED = 18_004;

/** JSON that tells -0 from 0 and keeps NaN and key order: "the same data" to the last bit. */
function canon(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' && (Object.is(v, -0) || !Number.isFinite(v)) ? `#num:${String(Object.is(v, -0) ? '-0' : v)}` : v));
}

interface Verdict {
  fast: boolean;
  refused: boolean;
}

/** Parses both ways and asserts one verdict; returns what happened. */
function agree(text: string, label: string): Verdict {
  const fast = fastParseClaimFile(text, cursor);
  const strict = parseClaimFile('deployments/dev/f.yaml', text, cursor);
  for (const p of strict.problems) {
    expect(p.line, `${label}: ${p.code} has a line`).toBeGreaterThanOrEqual(1);
    expect(p.col, `${label}: ${p.code} has a column`).toBeGreaterThanOrEqual(1);
  }
  if (fast !== undefined) {
    expect(strict.problems, `${label}: the fast path accepted what the strict path refuses\n${JSON.stringify(text.slice(0, 400))}`).toEqual([]);
    expect(canon(fast.map((d) => [d.index, d.data])), `${label}: the two paths read different data\n${JSON.stringify(text.slice(0, 400))}`).toBe(
      canon(strict.docs.map((d) => [d.index, d.data])),
    );
  }
  return { fast: fast !== undefined, refused: strict.problems.length > 0 };
}

/** The whole loader, as the pipeline calls it: never throws, every problem has a place. */
function loadsOrRefusesWithAPlace(text: string, label: string): void {
  const file = { path: 'deployments/dev/f.yaml', env: 'dev', text };
  const result = loadClaims([file]);
  for (const p of result.problems) {
    expect(p.file, label).toBe('deployments/dev/f.yaml');
    expect(p.line, `${label}: ${p.code}`).toBeGreaterThanOrEqual(1);
  }
  // Positions asked for after the fast path accepted (as a semantic problem would) never crash.
  for (const c of result.claims) expect(() => c.source.locate(['spec', 'applications', 0, 'name'], 'value')).not.toThrow();
}

const random = rng(SEED);
// Half of them from the plain subset the fast path reads: agreement matters where it accepts.
const documents = Array.from({ length: 1500 }, (_, i) => randomDocument(random, { plain: i % 2 === 0 }));
const edited = Array.from({ length: 600 }, (_, i) => {
  const edits = 1 + Math.floor(random() * 3);
  let text = claim(`c${i}`).replace('Shop Team', `Team ${i}`);
  const names: string[] = [];
  for (let e = 0; e < edits; e++) {
    const edit = pick(random, CLAIM_EDITS);
    names.push(edit.name);
    text = edit.apply(text, random);
  }
  return { names, text };
});

describe('the fast and the strict parser give one verdict', () => {
  it('on 1500 random documents of YAML edge cases', () => {
    const seen = { fast: 0, refused: 0 };
    documents.forEach((text, i) => {
      const v = agree(text, `document ${i} (seed ${SEED})`);
      seen.fast += Number(v.fast);
      seen.refused += Number(v.refused);
    });
    // The test proves something only if both outcomes occur often.
    expect(seen.fast).toBeGreaterThan(300);
    expect(seen.refused).toBeGreaterThan(300);
  });

  it('on 600 claims with hostile edits, through the whole loader', () => {
    const byClass = new Map<string, { inputs: number; refused: number; fast: number }>();
    const fastOnly = new Map<string, number>();
    edited.forEach(({ names, text }, i) => {
      const label = `claim ${i} [${names.join(', ')}] (seed ${SEED})`;
      const v = agree(text, label);
      loadsOrRefusesWithAPlace(text, label);
      if (names.length === 1 && v.fast) fastOnly.set(names[0]!, (fastOnly.get(names[0]!) ?? 0) + 1);
      for (const name of names) {
        const row = byClass.get(name) ?? { inputs: 0, refused: 0, fast: 0 };
        row.inputs++;
        row.refused += Number(v.refused);
        row.fast += Number(v.fast);
        byClass.set(name, row);
      }
    });
    // Every class was generated; a claim with one edit of a class the fast path must leave
    // alone (a later edit could remove what an earlier one added) never took the fast path.
    expect([...byClass.keys()].sort()).toEqual(CLAIM_EDITS.map((e) => e.name).sort());
    for (const name of ['NUL and control characters', 'tags', 'alias bomb', 'merge keys', 'deep nesting', 'tabs', 'duplicate numeric-like keys']) {
      expect(fastOnly.get(name) ?? 0, name).toBe(0);
    }
  });

  it('the differentials of issue 18 are one verdict now: refused with a line, both ways', () => {
    const cases: Record<string, [string, string, number]> = {
      'keys 1 and 1.0': ['a:\n  1: x\n  1.0: y\n', 'yaml-duplicate-key', 3],
      'keys 0x10 and 16': ['a:\n  0x10: x\n  16: y\n', 'yaml-duplicate-key', 3],
      'keys "1" and 1': ['a:\n  "1": x\n  1: y\n', 'yaml-duplicate-key', 3],
      'a raw NUL': ['a: b\n  c: d\u0000e\n', 'yaml-non-printable', 2],
      'a raw ESC': ['a: b\nc: \u001b[31m\n', 'yaml-non-printable', 2],
    };
    for (const [name, [text, code, line]] of Object.entries(cases)) {
      expect(fastParseClaimFile(text, cursor), name).toBeUndefined();
      const strict = parseClaimFile('f.yaml', text, cursor);
      expect(strict.problems.map((p) => [p.code, p.line]), name).toEqual([[code, line]]);
    }
  });
});

describe('hostile claims through the real CLI', () => {
  it('validate exits 2 with path:line:col for each refused file, never 3, no stack trace', async () => {
    const repo = tempRepo();
    try {
      edited.slice(0, 200).forEach(({ text }, i) => repo.write(`deployments/dev/c${i}.yaml`, text));
      // Invalid UTF-8 is refused before parsing, at the first bad byte: after the 60 characters
      // 'apiVersion: platform.infraforge.io/v1' (37 + newline) and 'kind: ApplicationClaim' (22).
      repo.write('deployments/dev/latin1.yaml', Buffer.concat([Buffer.from(claim('latin1').replace('Shop Team', 'Latin Team').slice(0, 60)), Buffer.from([0xe9, 0x0a])]));
      repo.write('deployments/dev/overlong.yaml', Buffer.from([0x61, 0x3a, 0x20, 0xc0, 0xaf, 0x0a]));
      const run = await cli(repo.root, 'validate', '--json');
      expect(run.code, run.stderr.slice(0, 2000)).toBe(2);
      expect(run.stderr).not.toMatch(/^\s+at /m);
      const { problems } = JSON.parse(run.stdout) as { problems: { file?: string; line?: number; col?: number; code: string }[] };
      expect(problems.length).toBeGreaterThan(50);
      for (const p of problems) expect(`${p.file}:${p.line}:${p.col}`, p.code).toMatch(/^deployments\/dev\/[a-z0-9-]+\.yaml:\d+:\d+$/);
      const where = (file: string) => problems.filter((p) => p.file === file).map((p) => [p.code, p.line, p.col]);
      expect(where('deployments/dev/latin1.yaml')).toEqual([['invalid-utf8', 2, 23]]);
      expect(where('deployments/dev/overlong.yaml')).toEqual([['invalid-utf8', 1, 4]]);
      expect(decodeUtf8(Buffer.from([0x61, 0x0a, 0x62, 0xff]))).toEqual({ line: 2, col: 2 });
    } finally {
      repo.cleanup();
    }
  });
});

describe('bounded time and memory', () => {
  // The budget for the hostile set: twenty times what parsing as many bytes of ordinary claims
  // takes here and now, both ways (a fixed timeout would fail on a busy machine).
  const hostile = edited.filter((e) => e.names.some((n) => ['huge scalar', 'deep nesting', 'alias bomb'].includes(n))).map((e) => e.text);
  const bytes = hostile.reduce((n, t) => n + t.length, 0);
  const ordinary = claim();
  const budget = measuredBudget(async () => {
    for (let n = 0; n < bytes; n += ordinary.length) {
      fastParseClaimFile(ordinary, cursor);
      parseClaimFile('f.yaml', ordinary, cursor);
    }
  }, 20, { floor: 10_000, safety: 1 });

  it('huge scalars, deep nesting and alias bombs parse within a budget and a few hundred MB', async () => {
    const limit = await budget;
    const rssBefore = resourceUsage().maxRSS;
    const start = performance.now();
    for (const text of hostile) {
      fastParseClaimFile(text, cursor);
      parseClaimFile('f.yaml', text, cursor);
    }
    const took = performance.now() - start;
    expect(hostile.length).toBeGreaterThan(20);
    expect(took, `${hostile.length} hostile files (${(bytes / 1e6).toFixed(1)} MB) took ${took.toFixed(0)} ms`).toBeLessThan(limit);
    // maxRSS is in KiB and only grows: the hostile set may not push the peak up by 512 MiB.
    expect(resourceUsage().maxRSS - rssBefore).toBeLessThan(512 * 1024);
  });
});
