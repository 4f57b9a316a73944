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
import { TOOLS, toolOrSkip } from '../support/tools.js';

const DIR = path.join(REPO_ROOT, '.github/workflows');
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.yml')).sort();
const ACTIONLINT = toolOrSkip(TOOLS.actionlint);

interface Job {
  needs?: string | string[];
  permissions?: Record<string, string>;
  steps?: { uses?: string; with?: Record<string, string> }[];
}
interface Workflow {
  on: Record<string, { paths?: string[]; 'paths-ignore'?: string[] } | null>;
  permissions?: unknown;
  jobs: Record<string, Job>;
}

const workflow = (file: string) => parse(readFileSync(path.join(DIR, file), 'utf8')) as Workflow;
/** The commands this job runs through our own action (`uses: ./`; action.yml's default is render). */
const commandsOf = (job: Job) => (job.steps ?? []).filter((s) => s.uses === './').map((s) => s.with?.command ?? 'render');
const needsOf = (job: Job) => (job.needs === undefined ? [] : Array.isArray(job.needs) ? job.needs : [job.needs]);

/** Every job `name` waits for, directly or through other jobs. */
function upstreamOf(wf: Workflow, name: string, seen = new Set<string>()): Set<string> {
  for (const need of needsOf(wf.jobs[name]!)) {
    if (seen.has(need)) continue;
    seen.add(need);
    upstreamOf(wf, need, seen);
  }
  return seen;
}

/** GitHub's path filter for one changed file: `*` within a folder, `**` across folders, `!` to exclude again. */
function runsFor(filter: { paths?: string[]; 'paths-ignore'?: string[] } | null | undefined, file: string): boolean {
  const glob = (pattern: string) => new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*\*/g, '\u0000').replace(/\*/g, '[^/]*').replace(/\u0000/g, '.*')}$`);
  if (filter?.['paths-ignore']?.some((p) => glob(p).test(file))) return false;
  if (!filter?.paths) return true;
  let included = false;
  for (const p of filter.paths) {
    if (p.startsWith('!')) {
      if (glob(p.slice(1)).test(file)) included = false;
    } else if (glob(p).test(file)) included = true;
  }
  return included;
}

describe('workflows', () => {
  it('exist', () => {
    expect(FILES).toEqual(expect.arrayContaining(['ci.yml', 'render.yml']));
  });

  it.skipIf(!ACTIONLINT)('pass actionlint', () => {
    execFileSync(ACTIONLINT!, ['-no-color', ...FILES.map((f) => path.join(DIR, f))], { cwd: REPO_ROOT, stdio: 'pipe' });
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

  /** The first major of each action whose action.yml runs on node24 (Node 20 is gone from GitHub's runners). */
  const FIRST_NODE24_MAJOR: Record<string, number> = { 'actions/checkout': 5, 'actions/setup-node': 5, 'actions/cache': 5, 'actions/upload-artifact': 6 };

  it.each(FILES)('%s names the version of each pinned SHA, on a Node 24 major', (file) => {
    const text = readFileSync(path.join(DIR, file), 'utf8');
    for (const m of text.matchAll(/uses: ([\w.-]+\/[\w./-]+)@([0-9a-f]{40})(.*)$/gm)) {
      const version = /^ # v(\d+)\.\d+\.\d+$/.exec(m[3]!);
      expect(version, `${file}: ${m[1]}@${m[2]} needs a "# vX.Y.Z" comment`).not.toBeNull();
      expect(Number(version![1]), `${file}: ${m[1]} ${m[3]!.trim()} runs on Node 20`).toBeGreaterThanOrEqual(FIRST_NODE24_MAJOR[m[1]!] ?? 0);
    }
  });

  it('publish the chart before any job renders, so no ApplicationSet pins a version the registry lacks', () => {
    let renderJobs = 0;
    for (const file of FILES) {
      const wf = workflow(file);
      for (const [name, job] of Object.entries(wf.jobs)) {
        if (!commandsOf(job).includes('render')) continue;
        renderJobs++;
        const publishers = [...upstreamOf(wf, name)].filter((n) => commandsOf(wf.jobs[n]!).includes('publish-chart'));
        expect(publishers, `${file}: job ${name} renders without waiting for the chart to be published`).not.toEqual([]);
        // A chart change triggers this workflow, so its publish job sees every version bump first.
        expect(wf.on.push?.paths ?? ['**'], `${file} must run on chart changes`).toEqual(expect.arrayContaining(['charts/**']));
      }
    }
    expect(renderJobs).toBeGreaterThan(0);
    // And nothing else publishes on its own schedule, racing the renders.
    for (const file of FILES) {
      const wf = workflow(file);
      for (const [name, job] of Object.entries(wf.jobs)) {
        if (!commandsOf(job).includes('publish-chart')) continue;
        const waiting = Object.keys(wf.jobs).filter((other) => upstreamOf(wf, other).has(name) && commandsOf(wf.jobs[other]!).includes('render'));
        expect(waiting, `${file}: job ${name} publishes the chart but no render job waits for it`).not.toEqual([]);
      }
    }
  });

  it('a change to rendered/ alone is checked: pull requests run the diff, pushes run the render', () => {
    // issue 18: a hand edit or a hand-added file in rendered/ must not slip past every check.
    const touched = 'rendered/dev/x/applicationset.yaml';
    const checks = { pull_request: 'diff', push: 'render' } as const;
    for (const [event, command] of Object.entries(checks)) {
      const running = FILES.filter((file) => {
        const wf = workflow(file);
        return event in wf.on && Object.values(wf.jobs).some((job) => commandsOf(job).includes(command)) && runsFor(wf.on[event], touched);
      });
      expect(running, `no workflow runs ${command} on a ${event} that touches only ${touched}`).not.toEqual([]);
    }
    expect(runsFor({ paths: ['deployments/**', 'charts/**'] }, touched)).toBe(false);
    expect(runsFor({ paths: ['rendered/**', '!rendered/dev/**'] }, touched)).toBe(false);
  });

  it('never triggers on pull_request_target', () => {
    for (const file of FILES) {
      const wf = parse(readFileSync(path.join(DIR, file), 'utf8')) as { on: Record<string, unknown> };
      expect(Object.keys(wf.on), file).not.toContain('pull_request_target');
    }
  });
});
