/**
 * infrastructure/github: the ruleset that makes CODEOWNERS binding. Parsed, its variables
 * declared, a code owner's review required, and its required checks the names of jobs that run
 * on every pull request (a required check that never reports blocks every merge).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseHcl } from '@cdktf/hcl2json';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/repo.js';

const DIR = path.join(REPO_ROOT, 'infrastructure/github');
const WORKFLOWS = path.join(REPO_ROOT, '.github/workflows');

interface Ruleset {
  target: string;
  enforcement: string;
  conditions: { ref_name: { include: string[] }[] }[];
  bypass_actors?: { actor_type: string; actor_id: string }[];
  rules: { pull_request: { require_code_owner_review: boolean; dismiss_stale_reviews_on_push: boolean }[]; required_status_checks: unknown[] }[];
}

async function terraform() {
  const out = { variables: {} as Record<string, { default?: unknown }[]>, rulesets: [] as Ruleset[], text: '' };
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.tf')).sort()) {
    const text = readFileSync(path.join(DIR, file), 'utf8');
    out.text += text;
    const json = (await parseHcl(file, text)) as { variable?: Record<string, { default?: unknown }[]>; resource?: { github_repository_ruleset?: Record<string, Ruleset[]> } };
    Object.assign(out.variables, json.variable ?? {});
    out.rulesets.push(...Object.values(json.resource?.github_repository_ruleset ?? {}).flat());
  }
  return out;
}

describe('infrastructure/github', () => {
  it('declares every variable it uses', async () => {
    const tf = await terraform();
    const used = [...new Set([...tf.text.matchAll(/\bvar\.([A-Za-z_]\w*)/g)].map((m) => m[1]!))];
    expect(used.filter((v) => !(v in tf.variables))).toEqual([]);
  });

  it('requires a code owner\'s review on the default branch, actively', async () => {
    const [ruleset, ...more] = (await terraform()).rulesets;
    expect(more).toEqual([]);
    expect(ruleset!.target).toBe('branch');
    expect(ruleset!.enforcement).toBe('active');
    expect(ruleset!.conditions[0]!.ref_name[0]!.include).toEqual(['~DEFAULT_BRANCH']);
    expect(ruleset!.rules[0]!.pull_request[0]!.require_code_owner_review).toBe(true);
    expect(ruleset!.rules[0]!.pull_request[0]!.dismiss_stale_reviews_on_push).toBe(true);
    expect(ruleset!.bypass_actors?.map((a) => a.actor_type)).toEqual(['Integration']);
  });

  it('requires checks that are jobs of workflows running on every pull request', async () => {
    const checks = (await terraform()).variables.required_checks![0]!.default as string[];
    expect(checks.length).toBeGreaterThan(0);
    const always: string[] = [];
    for (const file of readdirSync(WORKFLOWS).filter((f) => f.endsWith('.yml'))) {
      const wf = parse(readFileSync(path.join(WORKFLOWS, file), 'utf8')) as { on: Record<string, { paths?: string[]; branches?: string[] } | null>; jobs: Record<string, { name?: string }> };
      const pr = wf.on.pull_request;
      if (pr === undefined || pr?.paths || pr?.branches) continue;
      for (const [id, job] of Object.entries(wf.jobs)) always.push(job.name ?? id);
    }
    expect(checks.filter((c) => !always.includes(c))).toEqual([]);
  });
});
