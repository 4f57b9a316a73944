/** The policy as claim problems: each violation at the line of the field, naming who may grant it. */
import { problemAt } from '../claims/source.js';
import type { LoadedClaim } from '../claims/types.js';
import type { Problem } from '../errors.js';
import type { RenderSettings } from '../settings/types.js';
import { GRANTS_FIELD, grantsFor } from './grants.js';
import { valuesViolations } from './values-policy.js';

export function policyProblems(claims: readonly LoadedClaim[], settings: RenderSettings): Problem[] {
  const problems: Problem[] = [];
  for (const { claim, source } of claims) {
    const team = claim.spec.owner.team;
    const granted = grantsFor(settings, claim);
    claim.spec.applications.forEach((app, i) => {
      if (!app.values) return;
      for (const v of valuesViolations(app.values)) {
        if (v.grant && granted.has(v.grant)) continue;
        const path = ['spec', 'applications', i, 'values', ...v.path];
        if (v.grant) {
          problems.push(problemAt(source, path, 'values-needs-grant', `${v.message}; only the platform team can allow it, by granting "${v.grant}" to team "${team}" (${GRANTS_FIELD})`, 'key'));
        } else {
          problems.push(problemAt(source, path, 'values-loosens-security', `${v.message}; ${v.why ?? 'the chart runs every pod under Pod Security restricted, so values may only tighten this, and no grant changes that'}`, 'key'));
        }
      }
    });
  }
  return problems;
}
