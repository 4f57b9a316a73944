/**
 * .github/SECURITY.md, issue 18: a claim is data. Per class (path, keys, odd labels, size), a
 * seeded generator makes hostile claims and each must be refused: exit 2, `path:line:col`
 * where there is a line (the line the generator put the hostile text on), every printed line
 * printable, nothing under rendered/ changed, no stack trace, time and memory bounded. The
 * figures per class are printed at the end (inputs, refused, max time, max RSS).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostileKey, hostileLabelValue, hostileText, INJECTIONS, type Pick, picker } from '../support/hostile.js';
import { claim, cli, REPO_ROOT, type TempRepo, tempRepo } from '../support/repo.js';

const CASES = 14;
const CLI = path.join(REPO_ROOT, 'dist/cli.js');

interface Stat {
  generated: number;
  refused: number;
  maxMs: number;
  maxRssMb: number;
  rss: string;
}
const stats = new Map<string, Stat>();
function record(cls: string, refused: boolean, ms: number, rssMb: number, rss = 'test process') {
  const s = stats.get(cls) ?? { generated: 0, refused: 0, maxMs: 0, maxRssMb: 0, rss };
  s.generated++;
  if (refused) s.refused++;
  s.maxMs = Math.max(s.maxMs, ms);
  s.maxRssMb = Math.max(s.maxRssMb, rssMb);
  stats.set(cls, s);
}
afterAll(() => {
  const rows = [...stats].map(([cls, s]) => `| ${cls} | ${s.generated} | ${s.refused} | ${s.maxMs.toFixed(0)} ms | ${s.maxRssMb.toFixed(0)} MB (${s.rss}) |`);
  console.log(['| class | inputs generated | refused | max time | max RSS |', '|---|---:|---:|---:|---:|', ...rows].join('\n'));
});

let repo: TempRepo;
let before: Record<string, string>;
beforeAll(async () => {
  repo = tempRepo({ 'deployments/dev/shop.yaml': claim() });
  const first = await cli(repo.root, 'render');
  expect(first.code, first.stderr).toBe(0);
  before = repo.snapshot();
});
afterAll(() => repo.cleanup());

/** Characters that print as something else, or not at all: none may reach the terminal raw. */
const UNPRINTABLE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/;

/** Undoes JSON-style escapes, to compare what was printed with the real name. */
function unescape(text: string): string {
  return text.replace(/\\(u[0-9a-fA-F]{4}|[nrtbf\\"])/g, (_, e: string) =>
    e.startsWith('u') ? String.fromCharCode(Number.parseInt(e.slice(1), 16)) : ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '\\': '\\', '"': '"' } as Record<string, string>)[e]!,
  );
}

/** A YAML double-quoted scalar holding exactly `s` (JSON's escapes are YAML's; non-ASCII escaped too). */
function quoted(s: string): string {
  return JSON.stringify(s).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

interface Where {
  /** The path as it is on disk, relative to the root. */
  file: string;
  line?: number;
  col?: number;
}

/** Writes the case, renders, checks what a user sees, removes the case. */
async function expectRefused(cls: string, files: Record<string, string>, where: Where, cleanup: string[] = Object.keys(files)) {
  for (const [rel, text] of Object.entries(files)) repo.write(rel, text);
  const started = performance.now();
  const run = await cli(repo.root, 'render', '--json');
  const ms = performance.now() - started;
  for (const rel of cleanup) repo.remove(rel);
  record(cls, run.code === 2, ms, process.memoryUsage().rss / 2 ** 20);

  expect(run.code, run.stderr).toBe(2);
  const lines = run.stderr.split('\n').filter(Boolean);
  for (const line of lines) expect(UNPRINTABLE.test(line), `unprintable character in ${JSON.stringify(line)}`).toBe(false);
  const prefix = where.line === undefined ? `${where.file}: ` : `${where.file}:${where.line}:${where.col}: `;
  expect(
    lines.some((l) => unescape(l).startsWith(prefix)),
    `expected a line starting ${JSON.stringify(prefix)} in:\n${run.stderr}`,
  ).toBe(true);
  expect(run.stderr).not.toMatch(/\n\s+at .*:\d+:\d+\)?\n/);
  expect(repo.snapshot()).toEqual(before);
  return run;
}

const VALID = (name: string, env = 'dev') => claim(name, env).replace('Shop Team', `Team ${name}`);

describe('path: names under deployments/ follow one grammar', () => {
  const pick = picker(18_001);
  // Names a file system accepts: no '/', no NUL.
  const nameFrom = (p: Pick) => hostileText(p, [...INJECTIONS.filter((f) => !f.includes('/')), 'UPPER', 'é', ' x']);
  const cases = Array.from({ length: CASES }, (_, i) => {
    const name = nameFrom(pick);
    switch (i % 4) {
      case 0:
        return { label: 'claim file', rel: `deployments/dev/${name}.yaml`, top: `deployments/dev/${name}.yaml`, env: 'dev' };
      case 1:
        return { label: 'sub-folder', rel: `deployments/dev/${name}/x.yaml`, top: `deployments/dev/${name}`, env: 'dev' };
      case 2:
        return { label: 'environment folder', rel: `deployments/${name}/x.yaml`, top: `deployments/${name}`, env: 'dev' };
      default:
        return { label: 'yml file', rel: `deployments/dev/${name}.yml`, top: `deployments/dev/${name}.yml`, env: 'dev' };
    }
  });

  it.each(cases.map((c) => [c.label, JSON.stringify(c.rel), c] as const))('%s %s is refused, named escaped', async (_l, _r, c) => {
    await expectRefused('path', { [c.rel]: VALID('x', c.env) }, { file: c.top }, [c.top]);
  });

  it('files that are not claims are listed as ignored, not read, not refused', async () => {
    const p = picker(18_002);
    const names = Array.from({ length: 6 }, () => `${p.one(['README', 'notes', 'Shop', 'x'])}${p.one(['.md', '.json', '.YAML', '.Yml', '.txt', ''])}`);
    const rels = [...new Set(names)].map((n, i) => (i % 2 ? `deployments/dev/${n}` : `deployments/${n}`));
    for (const rel of rels) repo.write(rel, 'not: [a claim');
    const validate = await cli(repo.root, 'validate', '--json');
    const text = await cli(repo.root, 'validate');
    for (const rel of rels) repo.remove(rel);
    expect(validate.code, validate.stderr).toBe(0);
    expect((JSON.parse(validate.stdout) as { ignored: string[] }).ignored.sort()).toEqual([...rels].sort());
    for (const rel of rels) expect(text.stdout).toContain(`ignored ${rel} `);
  });
});

/** A claim with `block` (lines at the given indentation) under `parent`, and the 1-based line where the block starts. */
function claimWith(name: string, where: 'metadata' | 'values', block: string[]): { text: string; firstLine: number } {
  const base = VALID(name).split('\n');
  if (where === 'metadata') {
    const at = base.indexOf(`  name: ${name}`) + 1;
    base.splice(at, 0, ...block);
    return { text: base.join('\n'), firstLine: at + 1 };
  }
  const at = base.indexOf('        port: 8080', base.indexOf('      healthCheck:')) + 1;
  base.splice(at, 0, '      values:', ...block);
  return { text: base.join('\n'), firstLine: at + 2 };
}

const LABEL_MAPS = ['labels', 'nodeSelector'] as const;
const ANNOTATION_MAPS = ['annotations', 'podAnnotations', 'service.annotations', 'ingress.annotations', 'serviceAccount.annotations'] as const;
const METADATA_MAPS = ['metadata.labels', 'metadata.annotations'] as const;

/** Lines putting `key: value` into the map at `mapPath`; the key sits on the last line. */
function mapLines(mapPath: string, key: string, value: string): { where: 'metadata' | 'values'; block: string[]; keyCol: number } {
  if (mapPath.startsWith('metadata.')) return { where: 'metadata', block: [`  ${mapPath.slice(9)}:`, `    ${key}: ${value}`], keyCol: 5 };
  const parts = mapPath.split('.');
  const block = parts.map((p, i) => `${' '.repeat(8 + 2 * i)}${p}:`);
  const indent = 8 + 2 * parts.length;
  block.push(`${' '.repeat(indent)}${key}: ${value}`);
  return { where: 'values', block, keyCol: indent + 1 };
}

describe('keys: every label and annotation key is a Kubernetes qualified name', () => {
  const pick = picker(18_003);
  const maps = [...METADATA_MAPS, ...LABEL_MAPS, ...ANNOTATION_MAPS];
  const cases = Array.from({ length: CASES + 4 }, (_, i) => ({ map: maps[i % maps.length]!, key: hostileKey(pick) }));

  it.each(cases.map((c) => [c.map, JSON.stringify(c.key).slice(0, 60), c] as const))('%s key %s is refused at the key', async (_m, _k, c) => {
    const { where, block, keyCol } = mapLines(c.map, quoted(c.key), 'v');
    const { text, firstLine } = claimWith('keys', where, block);
    await expectRefused('keys', { 'deployments/dev/keys.yaml': text }, { file: 'deployments/dev/keys.yaml', line: firstLine + block.length - 1, col: keyCol });
  });
});

describe('odd labels: values the API server or goTemplate would take for something else', () => {
  const pick = picker(18_004);
  const maps = ['metadata.labels', ...LABEL_MAPS] as const;
  const cases = Array.from({ length: CASES }, (_, i) => ({ map: maps[i % maps.length]!, key: `${pick.word()}.example.com/${pick.word()}`, value: hostileLabelValue(pick) }));

  it.each(cases.map((c) => [c.map, JSON.stringify(c.value).slice(0, 60), c] as const))('%s value %s is refused at the value', async (_m, _v, c) => {
    const { where, block, keyCol } = mapLines(c.map, c.key, quoted(c.value));
    const { text, firstLine } = claimWith('labels', where, block);
    await expectRefused('odd labels', { 'deployments/dev/labels.yaml': text }, { file: 'deployments/dev/labels.yaml', line: firstLine + block.length - 1, col: keyCol + c.key.length + 2 });
  });
});

/**
 * Size runs in a child process, where peak RSS means this render alone: the CLI as built, with a
 * preload that prints the process's maxRSS when it exits.
 */
describe('size: aliases cannot amplify a claim into a huge render', () => {
  let dir: string;
  let preload: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'infraforge-size-'));
    preload = path.join(dir, 'maxrss.cjs');
    writeFileSync(preload, "process.on('exit', () => process.stderr.write(`\\nmaxrss-kb=${process.resourceUsage().maxRSS}\\n`));\n");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function renderChild(root: string): Promise<{ code: number; stderr: string; ms: number; rssMb: number }> {
    const started = performance.now();
    const child = spawn(process.execPath, ['--require', preload, CLI, 'render', '--root', root], { stdio: ['ignore', 'ignore', 'pipe'], env: { PATH: process.env.PATH ?? '' } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)));
    const ms = performance.now() - started;
    const kb = Number(/maxrss-kb=(\d+)/.exec(stderr)?.[1] ?? Number.NaN);
    return { code, stderr: stderr.replace(/\nmaxrss-kb=\d+\n$/, ''), ms, rssMb: kb / 1024 };
  }

  /** One app whose `values.<map>` holds `count` entries, all one long string (anchor on the first). */
  function oneFile(length: number, count: number, map: string): { text: string; lines: Map<number, string> } {
    const { text: base } = claimWith('amp', 'values', [`        ${map}:`]);
    const lines = base.split('\n');
    const at = lines.indexOf(`        ${map}:`) + 1;
    const entries: string[] = [];
    const where = new Map<number, string>();
    for (let i = 0; i < count; i++) {
      const key = `a${String(i).padStart(2, '0')}`;
      entries.push(`          ${key}: ${i === 0 ? `&s "${'x'.repeat(length)}"` : '*s'}`);
      where.set(at + i + 1, key);
    }
    lines.splice(at, 0, ...entries);
    return { text: lines.join('\n'), lines: where };
  }

  /** `apps` apps, each with one annotation: the same long string, anchored in the first. */
  function manyApps(length: number, apps: number): { text: string; lines: Map<number, string> } {
    const lines = VALID('amp').split('\n');
    const at = lines.indexOf('  applications:') + 1;
    lines.splice(at, lines.length - at);
    const where = new Map<number, string>();
    for (let i = 0; i < apps; i++) {
      lines.push(`    - name: app${i}`, '      version: "1.0.0"', '      values:', '        annotations:');
      lines.push(`          big: ${i === 0 ? `&s "${'y'.repeat(length)}"` : '*s'}`);
      where.set(lines.length, `app${i}`);
    }
    return { text: `${lines.join('\n')}\n`, lines: where };
  }

  const pick = picker(18_005);
  const cases = [
    { label: 'the issue: 0.95 MB aliased 99 times', ...oneFile(950 * 1024, 99, 'annotations') },
    ...Array.from({ length: 4 }, () => ({ label: 'one file', ...oneFile(pick.int(40, 900) * 1024, pick.int(8, 99), pick.one(['annotations', 'podAnnotations'])) })),
    ...Array.from({ length: 3 }, () => ({ label: 'many files (the run cap)', ...manyApps(pick.int(100, 200) * 1024, pick.int(12, 30)) })),
  ];

  it.each(cases.map((c, i) => [i, c.label, c] as const))('case %i (%s) stops at an alias line, fast, in bounded memory', async (_i, _l, c) => {
    const size = tempRepo({ 'deployments/dev/amp.yaml': c.text });
    try {
      const run = await renderChild(size.root);
      record('size', run.code === 2, run.ms, run.rssMb, 'child process');
      expect(run.code, run.stderr).toBe(2);
      const m = /^deployments\/dev\/amp\.yaml:(\d+):(\d+): rendered (\S+) would (?:be larger than 256 KiB|take the render past)/m.exec(run.stderr);
      expect(m, run.stderr).not.toBeNull();
      // The line named is one of the lines holding the long string (its anchor or an alias).
      expect([...c.lines.keys()]).toContain(Number(m![1]));
      expect(size.snapshot()).toEqual({});
      expect(run.stderr).not.toMatch(/\n\s+at .*:\d+:\d+\)?\n/);
      // Before the caps this case took 367 MB and wrote 95 MB; the render itself holds one capped file.
      expect(run.rssMb).toBeLessThan(300);
      expect(run.ms).toBeLessThan(120_000);
    } finally {
      size.cleanup();
    }
  }, 180_000);
});
