/**
 * The mass-deletion guard as one pure rule, used by the render (which refuses, io/tree.ts) and
 * by the PR comment (which warns before the merge, diff/lifecycle.ts). Argo CD deletes what
 * rendered/ stops carrying, so emptying an environment or dropping many apps at once is far
 * more often a mistake (a moved folder, a bad merge) than a wish.
 */
import { cmp } from '../errors.js';

export interface MassDeletion {
  /** Environments that had rendered files and would have none. */
  emptiedEnvs: string[];
  /** Apps and components (values files) that would go. */
  deletedApps: number;
  maxDeletedApps: number;
}

/**
 * `before` and `after` are the generated files (paths `rendered/<env>/…`) of the environments in
 * scope. Undefined when the change stays within the guard.
 */
export function massDeletion(before: readonly string[], after: readonly string[], maxDeletedApps: number): MassDeletion | undefined {
  const envOf = (p: string) => p.split('/')[1] ?? '';
  const kept = new Set(after);
  const afterEnvs = new Set(after.map(envOf));
  const emptiedEnvs = [...new Set(before.map(envOf))].filter((env) => !afterEnvs.has(env)).sort(cmp);
  const deletedApps = before.filter((p) => p.endsWith('/values.yaml') && !kept.has(p)).length;
  if (emptiedEnvs.length === 0 && deletedApps <= maxDeletedApps) return undefined;
  return { emptiedEnvs, deletedApps, maxDeletedApps };
}
