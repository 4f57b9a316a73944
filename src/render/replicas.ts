/**
 * How many pods an application runs, and what the claim may not ask for. The profile's floor
 * (prod: 2) is a floor for defaults, never a silent rewrite of an explicit value: a claim that
 * writes `replicas: 1` in prod either means it (then `singleton: true` says so: one pod, no
 * HPA, no PDB, `Recreate`, so two never run at once) or is a mistake (then it is refused).
 */
import type { FieldPath } from '../claims/source.js';
import type { ApplicationSpec } from '../claims/types.js';
import type { Profile } from './profiles.js';

export interface AppIssue {
  /** Relative to the application. */
  path: FieldPath;
  code: string;
  message: string;
  /** Point at the key rather than its value (a mapping's value starts on the next line). */
  part?: 'key';
}

/** The replica count the Deployment gets (the HPA's minimum when there is none of its own). */
export function replicaCount(app: ApplicationSpec, profile: Profile): number {
  if (app.singleton) return 1;
  return app.replicas ?? Math.max(profile.replicas.default, profile.replicas.floor);
}

export function replicaIssues(app: ApplicationSpec, profile: Profile, env: string): AppIssue[] {
  const issues: AppIssue[] = [];
  const floor = profile.replicas.floor;
  if (app.singleton) {
    if (app.replicas !== undefined && app.replicas !== 1) {
      issues.push({ path: ['replicas'], code: 'singleton-replicas', message: `singleton: true runs exactly one pod, but replicas is ${app.replicas}: remove replicas or singleton` });
    }
    if (app.autoscaling !== undefined && app.autoscaling.enabled !== false) {
      issues.push({ path: ['autoscaling'], code: 'singleton-autoscaling', message: 'singleton: true runs exactly one pod and is never autoscaled: remove autoscaling (or set autoscaling.enabled: false)' });
    }
    return issues;
  }
  const hint = 'raise it, or set singleton: true when exactly one pod may run (one pod, no autoscaler, no disruption budget, Recreate on update)';
  if (app.replicas !== undefined && app.replicas < floor) {
    issues.push({ path: ['replicas'], code: 'replicas-below-floor', message: `replicas ${app.replicas} is below the ${env} floor of ${floor}: ${hint}` });
  }
  const min = app.autoscaling?.minReplicas;
  if (min !== undefined && min < floor && app.autoscaling?.enabled !== false) {
    issues.push({ path: ['autoscaling', 'minReplicas'], code: 'replicas-below-floor', message: `autoscaling.minReplicas ${min} is below the ${env} floor of ${floor}: ${hint}` });
  }
  return issues;
}
