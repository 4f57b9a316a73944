/**
 * An app's `jobs` and `cronJobs` → the values charts/common's job.yaml and cronjob.yaml read.
 * Each runs the app's image with the app's env (the `uses:` wiring included) and the app's
 * resources unless it says otherwise; its own command and args. Pure.
 */
import type { ApplicationSpec, CronJobSpec, JobSpec } from '../claims/types.js';
import type { ResourceSet } from './profiles.js';
import { mergeResources } from './resources.js';
import type { Values } from './values.js';
import { type EnvEntry, envEntry } from './wiring.js';

/** How long a hook may run before Argo CD's sync fails with it, when the claim does not say. */
export const DEFAULT_HOOK_DEADLINE_SECONDS = 600;

/** `{ jobs, cronJobs }` for the app's values, given the app's final env; empty when it has neither. */
export function jobValues(app: ApplicationSpec, env: EnvEntry[], appResources: ResourceSet): Values {
  const jobs = (app.jobs ?? []).filter((j) => j.enabled !== false);
  const cronJobs = (app.cronJobs ?? []).filter((j) => j.enabled !== false);
  if (jobs.length === 0 && cronJobs.length === 0) return {};
  const out: Values = {};
  if (jobs.length) {
    out.jobs = jobs.map((job) => ({
      ...common(app, job, env, appResources),
      hook: job.hook ?? 'PreSync',
      activeDeadlineSeconds: job.activeDeadlineSeconds ?? DEFAULT_HOOK_DEADLINE_SECONDS,
    }));
  }
  if (cronJobs.length) {
    out.cronJobs = cronJobs.map((job) => {
      const v: Values = { ...common(app, job, env, appResources), schedule: job.schedule, concurrencyPolicy: job.concurrencyPolicy ?? 'Forbid', suspend: job.suspend ?? false };
      if (job.timeZone !== undefined) v.timeZone = job.timeZone;
      if (job.activeDeadlineSeconds !== undefined) v.activeDeadlineSeconds = job.activeDeadlineSeconds;
      return v;
    });
  }
  return out;
}

/** The object name the chart gives a job of an app. */
export function jobObjectName(app: string, job: string): string {
  return `${app}-${job}`;
}

function common(app: ApplicationSpec, job: JobSpec | CronJobSpec, appEnv: EnvEntry[], appResources: ResourceSet): Values {
  const v: Values = {
    name: jobObjectName(app.name, job.name),
    env: withOverrides(appEnv, job.env ?? []),
    resources: job.resources ? mergeResources(appResources, job.resources) : appResources,
    backoffLimit: job.backoffLimit ?? 1,
  };
  if (job.command) v.command = job.command;
  if (job.args) v.args = job.args;
  return v;
}

/** The app's env with the job's: a name both set takes the job's value, in the app's place. */
function withOverrides(appEnv: EnvEntry[], jobEnv: NonNullable<JobSpec['env']>): EnvEntry[] {
  const own = new Map(jobEnv.map((e) => [e.name, envEntry(e)]));
  const out = appEnv.map((e) => own.get(e.name as string) ?? e);
  const inApp = new Set(appEnv.map((e) => e.name));
  for (const [name, entry] of own) if (!inApp.has(name)) out.push(entry);
  return out;
}
