/**
 * .github/SECURITY.md "workflow commands": nothing a claim (or a ref name) holds can issue a
 * workflow command. The action runs as a runner runs it, with claim paths, keys and values,
 * and a ref, made from seeded hostile text around a marker; its stdout is then read the way
 * the runner reads it (lines split at CR or LF, leading whitespace trimmed, `::name props::data`
 * and `##[`): every command must be one the action issues itself, with only its own
 * properties, and no data that starts with the marker (which only an injected line would).
 */
import { describe, expect, it } from 'vitest';
import { escapeData, inertLine } from '../../src/action/workflow-commands.js';
import { makeOrigin, type Origin } from '../support/git.js';
import { type Pick, picker } from '../support/hostile.js';
import { claim } from '../support/repo.js';
import { runAction } from '../support/runner.js';

const MARK = 'PWNED';
/** The commands this action issues: annotations, log groups, the token's mask. */
const OURS = new Set(['error', 'warning', 'group', 'endgroup', 'add-mask', 'debug']);

/** Text that would, printed raw, start a line holding a command of the attacker's choosing. */
function injection(pick: Pick): string {
  const breakLine = pick.one(['\n', '\r', '\r\n', '%0A', '%0D%0A', '\n   ', '']);
  const command = pick.one(['::notice::', '::stop-commands::', '::error::', '::warning file=x::', '::add-mask::', '::set-output name=x::', '::save-state name=x::', '##[error]', '##[add-mask]']);
  return `${pick.word()}${breakLine}${command}${MARK}${pick.word()}`;
}

/** The runner's reading of stdout: every line it would take as a command. */
function commands(stdout: string): { name: string; props: string; data: string; line: string }[] {
  const found: { name: string; props: string; data: string; line: string }[] = [];
  for (const raw of stdout.split(/\r\n|\r|\n/)) {
    const line = raw.trimStart();
    const v2 = /^::([^\s:]+)(?: ([^:]*))?::(.*)$/.exec(line);
    if (v2) {
      found.push({ name: v2[1]!, props: v2[2] ?? '', data: v2[3]!, line });
      continue;
    }
    if (line.startsWith('::')) found.push({ name: '?', props: '', data: line, line });
    // The older `##[name]data` form, which the runner tries only when a line is no `::` command.
    const v1 = /##\[([^\s\]]+)[^\]]*\](.*)$/.exec(raw);
    if (v1) found.push({ name: `##${v1[1]}`, props: '', data: v1[2]!, line: raw });
  }
  return found;
}

function expectInert(stdout: string): void {
  // The hostile text did reach the log: the test reads a log that holds it.
  expect(stdout).toContain(MARK);
  for (const c of commands(stdout)) {
    expect(OURS.has(c.name), `a command the action does not issue: ${JSON.stringify(c.line)}`).toBe(true);
    // Properties are ours (@actions/core escapes ',' and ':' in their values): a claim path may
    // sit in file=…, but cannot add a property of its own.
    for (const prop of c.props ? c.props.split(',') : []) expect(prop, c.line).toMatch(/^(title|file|line|col|endLine|endColumn)=/);
    expect(c.data.startsWith(MARK), c.line).toBe(false);
  }
}

describe('inertLine: the one escaping of what the action prints', () => {
  const pick = picker(18_030);
  const samples = Array.from({ length: 200 }, () => injection(pick));

  it('leaves no line break, no leading ::, no ##[ (200 generated strings)', () => {
    for (const s of samples) {
      const out = inertLine(s);
      expect(out).not.toMatch(/[\r\n]/);
      expect(out.trimStart().startsWith('::'), out).toBe(false);
      expect(out).not.toContain('##[');
    }
  });

  it('escapes data exactly as @actions/core does, so the runner decodes commands to the same text', () => {
    expect(escapeData('50%\r\nnext %0A')).toBe('50%25%0D%0Anext %250A');
    expect(inertLine('  ::stop-commands::x')).toBe('  %3A%3Astop-commands::x');
    expect(inertLine('a ##[error]b')).toBe('a ##%5Berror]b');
    expect(inertLine('deployments/dev/shop.yaml:3:5: fine')).toBe('deployments/dev/shop.yaml:3:5: fine');
  });
});

describe('the action as a runner runs it, with hostile claims and refs', () => {
  let origin: Origin | undefined;

  it('claim paths, keys and values: refused, and nothing on stdout is a command of theirs', async () => {
    const pick = picker(18_031);
    const files: Record<string, string> = {};
    for (let i = 0; i < 6; i++) files[`deployments/dev/${injection(pick).replace(/\//g, '')}.yaml`] = claim(`p${i}`);
    const q = (s: string) => JSON.stringify(s);
    const labels = Array.from({ length: 4 }, () => `    ${q(`k${pick.word()}`)}: ${q(injection(pick))}\n    ${q(injection(pick))}: v`).join('\n');
    files['deployments/dev/values.yaml'] = claim('values').replace('  name: values\n', `  name: values\n  labels:\n${labels}\n`);
    origin = makeOrigin(files);
    try {
      const run = await runAction({ workspace: origin.clone(), sha: origin.tip() });
      expect(run.code, run.stdout).toBe(2);
      expectInert(run.stdout);
      // Each problem is still annotated, on its own command line.
      expect(commands(run.stdout).filter((c) => c.name === 'error').length).toBeGreaterThanOrEqual(6 + 8);
    } finally {
      origin.cleanup();
    }
  }, 120_000);

  it('a ref name holding commands is logged inert', async () => {
    const pick = picker(18_032);
    origin = makeOrigin({ 'deployments/dev/shop.yaml': claim() });
    try {
      const ref = `refs/tags/v1${injection(pick)}${injection(pick)}`;
      const run = await runAction({ workspace: origin.clone(), sha: origin.tip(), ref, inputs: { commit: 'false' } });
      expect(run.code, run.stdout + run.stderr).toBe(0);
      expectInert(run.stdout);
    } finally {
      origin.cleanup();
    }
  }, 120_000);
});
