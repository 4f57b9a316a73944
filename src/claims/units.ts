/** The units of a claim (its apps, then its components) with the field that names each. */
import type { FieldPath } from './source.js';
import type { ApplicationClaim } from './types.js';

export interface NamedUnit {
  name: string;
  path: FieldPath;
}

export function claimUnits(claim: ApplicationClaim): NamedUnit[] {
  return [
    ...claim.spec.applications.map((a, i) => ({ name: a.name, path: ['spec', 'applications', i, 'name'] as FieldPath })),
    ...(claim.spec.components ?? []).map((c, i) => ({ name: c.name, path: ['spec', 'components', i, 'name'] as FieldPath })),
  ];
}
