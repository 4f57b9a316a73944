/**
 * The fast path may only accept what the strict path reads identically. Each case is parsed
 * both ways: either the fast path steps aside (undefined) or both give the same data. The
 * seeded search for disagreements is test/unit/one-parser.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import claimSchema from '../../src/claims/application-claim.schema.json' with { type: 'json' };
import { fastParseClaimFile } from '../../src/claims/fast-parse.js';
import { parseClaimFile } from '../../src/claims/parse.js';
import { schemaCursor } from '../../src/claims/schema-cursor.js';
import { claim, REPO_ROOT } from '../support/repo.js';

const cursor = schemaCursor(claimSchema as Record<string, unknown>);

const CASES: Record<string, string> = {
  plain: 'a: 1\nb: two\nc: 3.5\nd: true\ne: ~\nf:\n',
  quoted: `a: "1"\nb: '010'\nc: "yes"\nd: 'it''s'\n"e f": 'g: h'\n`,
  escapes: `a: "tab\\tnew\\nline"\n`,
  block: 'a: |\n  line one\n  line two\nb: >-\n  folded\n  text\nc: |+\n  keep\n\n',
  flow: 'a: [1, two, "3"]\nb: {x: 1, "y": [ ]}\nc: []\nd: {}\ne: [1, # in flow\n  2]\n',
  multiline: 'a: this is\n  a plain scalar\n  on lines\n',
  docs: '---\na: 1\n---\n---\nb: 2\n...\n',
  comments: '# top\na: 1 # trailing\n# between\nb:\n  - 1 # in a sequence\n  - 2\n',
  unicode: 'name: "café ☕"\nplain: naïve\n',
  numbers: 'a: 0\nb: -7\nc: 12345678901234567890\nd: 1e3\ne: .5\nf: 0x1F\ng: +1\nh: 1_000\ni: .inf\nj: 010\n',
  keys: '"quoted key": 1\n"8080": port\nplain key: x\n',
  numberKeys: '8080: port\n1.10: v\n',
  specials: 'a: "&anchor-looking"\nb: "*star"\nc: "!bang"\n',
  aliases: 'a: &x 1\nb: *x\n',
  tags: 'a: !!str 1\n',
  duplicate: 'a: 1\na: 2\n',
  proto: '__proto__: 1\n',
  tabs: 'a:\t1\n',
  crlf: 'a: 1\r\nb: 2\r\n',
  bad: 'a: [1, 2\n',
  bools: 'a: yes\nb: No\nc: on\nd: True\ne: FALSE\n',
  dates: 'a: 2024-01-01\nb: 12:30:00\n',
};

function compare(text: string) {
  const fast = fastParseClaimFile(text, cursor);
  const strict = parseClaimFile('f.yaml', text, cursor);
  if (fast === undefined) return 'strict-only';
  expect(strict.problems).toEqual([]);
  expect(fast.map((d) => ({ index: d.index, data: d.data }))).toEqual(strict.docs.map((d) => ({ index: d.index, data: d.data })));
  return 'both';
}

describe('fast and strict paths agree', () => {
  it.each(Object.entries(CASES))('%s', (_name, text) => {
    compare(text);
  });

  it('the fast path does handle the ordinary cases', () => {
    for (const name of ['plain', 'quoted', 'docs', 'comments', 'unicode', 'keys', 'bools', 'dates']) {
      expect(compare(CASES[name]!), name).toBe('both');
    }
  });

  it('the fast path steps aside for aliases, tags, duplicates, forbidden keys, tabs, CR, odd numbers, number keys, escapes, block and flow collections, block and folded scalars', () => {
    for (const name of ['aliases', 'tags', 'duplicate', 'proto', 'tabs', 'crlf', 'bad', 'numbers', 'specials', 'numberKeys', 'escapes', 'block', 'flow', 'multiline']) {
      expect(fastParseClaimFile(CASES[name]!, cursor), name).toBeUndefined();
    }
  });

  it('agrees on every example claim and keeps 1.10 as text where a string is wanted', () => {
    for (const env of ['dev', 'staging', 'prod']) {
      const dir = path.join(REPO_ROOT, 'deployments', env);
      for (const f of readdirSync(dir)) expect(compare(readFileSync(path.join(dir, f), 'utf8'))).toBe('both');
    }
    const text = claim().replace('version: "1.0.0"', 'version: 1.10');
    expect(compare(text)).toBe('both');
    expect((fastParseClaimFile(text, cursor)![0]!.data as { spec: { applications: { version: unknown }[] } }).spec.applications[0]!.version).toBe('1.10');
  });
});
