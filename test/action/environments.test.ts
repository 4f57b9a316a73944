/**
 * render.yml's fan-out, run as GitHub runs it: the `environments` job's listing step (the
 * action, with the inputs written in the workflow) on a repository that has just grown a new
 * environment folder, then one render job per listed environment, each with the inputs the
 * workflow gives it. The new environment ends up rendered on origin without editing the workflow.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { git, type Origin, makeOrigin } from '../support/git.js';
import { REGISTRY_BIN, type Registry, startRegistry } from '../support/registry.js';
import { claim, REPO_ROOT, SETTINGS } from '../support/repo.js';
import { runAction } from '../support/runner.js';

interface Step {
  id?: string;
  uses?: string;
  with?: Record<string, unknown>;
}
interface Job {
  needs?: string[];
  outputs?: Record<string, string>;
  strategy?: { matrix: Record<string, unknown> };
  steps: Step[];
}

const RENDER_YML = parse(readFileSync(path.join(REPO_ROOT, '.github/workflows/render.yml'), 'utf8')) as { jobs: Record<string, Job> };
const ownSteps = (job: Job) => job.steps.filter((s) => s.uses === './');
const commandOf = (step: Step) => step.with?.command ?? 'render';

/** The job whose step runs `command`, and that step. */
function jobRunning(command: string): [string, Job, Step] {
  for (const [name, job] of Object.entries(RENDER_YML.jobs)) {
    const step = ownSteps(job).find((s) => commandOf(s) === command);
    if (step) return [name, job, step];
  }
  throw new Error(`render.yml has no job running the action's ${command}`);
}

/** `${{ matrix.environment }}` and friends, as GitHub substitutes them. */
function substitute(inputs: Record<string, unknown>, context: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(inputs).map(([k, v]) => [
      k,
      // GitHub hands every input over as a string (`verify-chart: true` arrives as "true").
      String(v).replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_m, expr: string) => {
        if (!(expr in context)) throw new Error(`the test does not know ${expr}`);
        return context[expr]!;
      }),
    ]),
  );
}

let origin: Origin;
let registry: Registry | undefined;
afterEach(async () => {
  origin?.cleanup();
  await registry?.stop();
  registry = undefined;
});

describe("render.yml's matrix comes from the environment folders", () => {
  it('the render matrix is the listing job’s output, and each job renders its environment', () => {
    const [listJobName, listJob, listStep] = jobRunning('environments');
    const [, renderJob, renderStep] = jobRunning('render');
    expect(listJob.outputs?.environments).toBe(`\${{ steps.${listStep.id}.outputs.environments }}`);
    expect(renderJob.needs).toContain(listJobName);
    expect(renderJob.strategy?.matrix.environment).toBe(`\${{ fromJSON(needs.${listJobName}.outputs.environments) }}`);
    expect(renderStep.with?.environments).toBe('${{ matrix.environment }}');
  });

  it.skipIf(!REGISTRY_BIN)('a new deployments/qa/ folder is listed, and after the chart job the matrix job for it renders it to origin', async () => {
    registry = await startRegistry();
    // The render jobs verify the chart they pin (verify-chart): the chart job must publish it first.
    const settings = `${SETTINGS}  chart:\n    repository: oci://${registry.host}/charts\n`;
    origin = makeOrigin({ 'deployments/settings.yaml': settings, 'deployments/dev/shop.yaml': claim('shop', 'dev') });
    const added = origin.commit({ 'deployments/qa/shop.yaml': claim('shop', 'qa') }, 'a new environment: qa');

    const [chartJobName, , chartStep] = jobRunning('publish-chart');
    expect(jobRunning('render')[1].needs).toContain(chartJobName);
    const [, , early] = jobRunning('render');
    const tooEarly = await runAction({ workspace: origin.clone(added), sha: added, inputs: substitute(early.with ?? {}, { 'matrix.environment': 'dev' }) });
    expect(tooEarly.code, 'a render job before the chart job must refuse to pin an unpublished chart').toBe(3);
    expect(tooEarly.stdout).toContain('is not published yet');
    // plain-http: the one input the test adds, for a registry on loopback.
    const published = await runAction({ workspace: origin.clone(added), sha: added, inputs: { ...substitute(chartStep.with ?? {}, {}), 'plain-http': 'true' } });
    expect(published.code, published.stdout + published.stderr).toBe(0);
    expect(published.outputs['chart-published']).toBe('true');

    const [, , listStep] = jobRunning('environments');
    const listed = await runAction({ workspace: origin.clone(added), sha: added, inputs: substitute(listStep.with ?? {}, {}) });
    expect(listed.code, listed.stdout + listed.stderr).toBe(0);
    const environments = JSON.parse(listed.outputs.environments!) as string[];
    expect(environments).toEqual(['dev', 'qa']);

    // One job per environment, as the matrix fans out; each checks out the pushed commit.
    const [, , renderStep] = jobRunning('render');
    for (const environment of environments) {
      const run = await runAction({ workspace: origin.clone(added), sha: added, inputs: substitute(renderStep.with ?? {}, { 'matrix.environment': environment }) });
      expect(run.code, run.stdout + run.stderr).toBe(0);
      expect(run.outputs.changed).toBe('true');
    }
    const files = git(origin.bare, 'ls-tree', '-r', '--name-only', 'main', 'rendered').split('\n');
    expect(files).toContain('rendered/qa/shop/applicationset.yaml');
    expect(files).toContain('rendered/dev/shop/applicationset.yaml');
  });

  it('a removed environment stays listed, so its render job refuses the mass deletion loudly', async () => {
    origin = makeOrigin({ 'deployments/dev/shop.yaml': claim('shop', 'dev'), 'deployments/qa/shop.yaml': claim('shop', 'qa') });
    const first = await runAction({ workspace: origin.clone(), sha: origin.tip() });
    expect(first.code, first.stdout).toBe(0);
    const removed = origin.commit({ 'deployments/qa/shop.yaml': null }, 'drop qa');

    const listed = await runAction({ workspace: origin.clone(removed), sha: removed, inputs: { command: 'environments' } });
    expect(JSON.parse(listed.outputs.environments!)).toEqual(['dev', 'qa']);
    const qa = await runAction({ workspace: origin.clone(removed), sha: removed, inputs: { environments: 'qa' } });
    expect(qa.code).toBe(2);
    expect(qa.summary).toContain('### infraforge render failed');
  });

  it('an environment folder that is not a DNS label fails the listing with its path', async () => {
    origin = makeOrigin({ 'deployments/dev/shop.yaml': claim('shop', 'dev'), 'deployments/Bad_Env/x.yaml': claim('x', 'dev') });
    const listed = await runAction({ workspace: origin.clone(), sha: origin.tip(), inputs: { command: 'environments' } });
    expect(listed.code).toBe(2);
    expect(listed.stdout).toContain('file=deployments/Bad_Env');
    expect(listed.outputs.environments).toBeUndefined();
  });
});
