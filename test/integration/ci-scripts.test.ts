/**
 * The CI scripts' own logic: .ci/test-counts.mjs reads a report written by the real, pinned
 * vitest (run here on throwaway test files) and closes with `N passed, N failed, N skipped`,
 * failing on any failure, any skip, or no report at all.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/repo.js';

const VITEST = path.join(REPO_ROOT, 'node_modules/vitest/vitest.mjs');
const COUNTS = path.join(REPO_ROOT, '.ci/test-counts.mjs');
let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Runs vitest on `files` (globals on, so they need no imports) and returns its JSON report's path. */
function vitestReport(files: Record<string, string>): string {
  dir = mkdtempSync(path.join(tmpdir(), 'infraforge-counts-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  const report = path.join(dir, 'report.json');
  spawnSync(process.execPath, [VITEST, 'run', '--root', dir, '--globals', '--reporter=json', `--outputFile=${report}`], { cwd: dir, stdio: 'pipe', env: { ...process.env, CI: 'true' } });
  return report;
}

function counts(report: string) {
  const r = spawnSync(process.execPath, [COUNTS, report], { cwd: dir, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('.ci/test-counts.mjs', () => {
  it('every test passed: one plain closing line, exit 0', () => {
    const r = counts(vitestReport({ 'a.test.ts': "it('one', () => {});\nit('two', () => {});\n" }));
    expect(r.stdout).toBe('2 passed, 0 failed, 0 skipped\n');
    expect(r.code).toBe(0);
  });

  it('a skip fails the run, and so do a failed test and a test file that could not load; each is named', () => {
    const r = counts(
      vitestReport({
        'a.test.ts': "it('passes', () => {});\nit.skip('is skipped', () => {});\nit('fails', () => { throw new Error('no'); });\n",
        'b.test.ts': "throw new Error('helm is not on PATH');\n",
      }),
    );
    expect(r.stdout).toBe('1 passed, 2 failed, 1 skipped\n');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('skipped a.test.ts > is skipped');
    expect(r.stderr).toContain('failed  a.test.ts > fails');
    expect(r.stderr).toContain('failed  b.test.ts: helm is not on PATH');
  });

  it('no report (the run died first): a failure, not silence', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'infraforge-counts-'));
    const r = counts(path.join(dir, 'missing.json'));
    expect(r.stdout).toBe('0 passed, 1 failed, 0 skipped\n');
    expect(r.code).toBe(1);
  });
});
