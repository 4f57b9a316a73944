/**
 * The repository's own workflows: actionlint clean, least-privilege permissions, third-party
 * actions pinned by commit SHA.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/repo.js';

const DIR = path.join(REPO_ROOT, '.github/workflows');
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.yml')).sort();
const ACTIONLINT = (() => {
  try {
    execFileSync('actionlint', ['-version'], { stdio: 'pipe' });
    return true;
  } catch {
    console.warn('workflows: actionlint is not on PATH (run through .ci/bootstrap); skipping it');
    return false;
  }
})();

interface Workflow {
  permissions?: unknown;
  jobs: Record<string, { permissions?: Record<string, string>; steps?: { uses?: string }[] }>;
}

describe('workflows', () => {
  it('exist', () => {
    expect(FILES).toEqual(expect.arrayContaining(['ci.yml', 'render.yml']));
  });

  it.skipIf(!ACTIONLINT)('pass actionlint', () => {
    execFileSync('actionlint', ['-no-color', ...FILES.map((f) => path.join(DIR, f))], { cwd: REPO_ROOT, stdio: 'pipe' });
  });

  it.each(FILES)('%s grants nothing by default and each job only what it needs', (file) => {
    const wf = parse(readFileSync(path.join(DIR, file), 'utf8')) as Workflow;
    expect(wf.permissions).toEqual({});
    for (const [name, job] of Object.entries(wf.jobs)) {
      expect(job.permissions, `${file} job ${name}`).toBeDefined();
      for (const [scope, level] of Object.entries(job.permissions ?? {})) {
        if (level === 'write') expect(['contents', 'pull-requests', 'packages', 'issues'], `${file}: ${scope}`).toContain(scope);
      }
    }
  });

  it.each(FILES)('%s pins every third-party action by commit SHA', (file) => {
    const wf = parse(readFileSync(path.join(DIR, file), 'utf8')) as Workflow;
    for (const job of Object.values(wf.jobs)) {
      for (const step of job.steps ?? []) {
        if (!step.uses || step.uses.startsWith('./')) continue;
        expect(step.uses).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
      }
    }
  });

  it('never triggers on pull_request_target', () => {
    for (const file of FILES) {
      const wf = parse(readFileSync(path.join(DIR, file), 'utf8')) as { on: Record<string, unknown> };
      expect(Object.keys(wf.on), file).not.toContain('pull_request_target');
    }
  });
});
