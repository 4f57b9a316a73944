/**
 * Rules for an app's `jobs` and `cronJobs` that JSON Schema cannot say: each is an object
 * named `<app>-<job>` in the claim's namespace, so the name must fit Kubernetes' limits and
 * no two of the claim's jobs may share it.
 */
import type { Problem } from '../errors.js';
import { jobObjectName } from '../render/job-values.js';
import { type FieldPath, placeOf, problemAt, type SourceDoc } from './source.js';
import type { ApplicationClaim } from './types.js';

/** Kubernetes' object name limit for a Job (a DNS label: its pods carry it as a label value). */
const MAX_JOB_NAME = 63;
/** The CronJob controller names each run's Job `<cronjob>-<minutes since epoch>`: 11 characters more. */
const MAX_CRONJOB_NAME = 52;

export function jobProblems(claim: ApplicationClaim, doc: SourceDoc): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, FieldPath>();
  claim.spec.applications.forEach((app, i) => {
    for (const [list, max] of [['jobs', MAX_JOB_NAME], ['cronJobs', MAX_CRONJOB_NAME]] as const) {
      (app[list] ?? []).forEach((job, j) => {
        const path: FieldPath = ['spec', 'applications', i, list, j, 'name'];
        const name = jobObjectName(app.name, job.name);
        if (name.length > max) {
          problems.push(problemAt(doc, path, 'job-name-too-long', `"${name}" (app-job) is ${name.length} characters; a ${list === 'jobs' ? 'Job' : 'CronJob'} name allows ${max}: shorten the job or the app name`));
        }
        const key = `${list}/${name}`;
        const other = seen.get(key);
        if (other) problems.push(problemAt(doc, path, 'duplicate-job', `${list === 'jobs' ? 'Job' : 'CronJob'} "${name}" is already made by ${placeOf(doc, other)}`));
        else seen.set(key, path);
      });
    }
  });
  return problems;
}
