/**
 * What the platform grants a team beyond the defaults. The team registry in
 * deployments/settings.yaml (`spec.teams[].grants.podSecurity: [<grant>]`) is its source; until
 * the registry is wired in, no team has a grant, which is the strict default a repository
 * without a registry gets anyway.
 */
import type { RenderSettings } from '../settings/types.js';

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
export const GRANTS_FIELD = 'spec.teams[].grants.podSecurity in deployments/settings.yaml';

export function grantsFor(_settings: RenderSettings, _team: string): ReadonlySet<Grant> {
  return new Set();
}
