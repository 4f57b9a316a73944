/**
 * What the platform grants a team beyond the defaults. The team registry in
 * deployments/settings.yaml (`spec.tenancy.teams[].grants.podSecurity: [<grant>]`) is its source;
 * a claim of no registered team — and every claim of a repository without a registry — has none.
 */
import type { ApplicationClaim } from '../claims/types.js';
import type { RenderSettings } from '../settings/types.js';
import { teamOf } from '../tenancy/registry.js';

/** The values fields a grant can open, by the name a registry lists them under. */
export const GRANTS = [
  'securityContext.readOnlyRootFilesystem',
  'serviceAccount',
  'service.type',
  'service.annotations',
  'ingress.annotations',
  'nodeSelector',
  'tolerations',
  'affinity',
] as const;
export type Grant = (typeof GRANTS)[number];

/** Where a grant is given, for messages: the registry's field. */
export const GRANTS_FIELD = 'spec.tenancy.teams[].grants.podSecurity in deployments/settings.yaml';

export function grantsFor(settings: RenderSettings, claim: ApplicationClaim): ReadonlySet<Grant> {
  const granted = teamOf(claim, settings.tenancy)?.grants.podSecurity ?? [];
  return new Set(GRANTS.filter((g) => granted.includes(g)));
}
