/** Which registered team a claim belongs to, and the namespace that gives it. Pure. */
import type { ApplicationClaim } from '../claims/types.js';
import { defaultNamespace } from '../render/names.js';
import type { RegisteredTeam, Tenancy } from '../settings/tenancy.js';

/** The registered team whose ownerTeam the claim writes, exactly; undefined without one. */
export function teamOf(claim: ApplicationClaim, tenancy: Tenancy | undefined): RegisteredTeam | undefined {
  return tenancy?.teams?.find((t) => t.ownerTeam === claim.spec.owner.team);
}

/** A registered team's own namespace in an environment: its setting, else `<id>-<env>`. */
export function teamNamespace(team: RegisteredTeam, env: string): string {
  return Object.hasOwn(team.namespaces, env) ? team.namespaces[env]! : defaultNamespace(team.id, env);
}

/**
 * The namespace a claim deploys into: spec.namespace when set (the tenancy rules have checked
 * that its team may), else its registered team's namespace, else `<owner.team>-<env>`.
 */
export function claimNamespace(claim: ApplicationClaim, tenancy: Tenancy | undefined): string {
  if (claim.spec.namespace !== undefined) return claim.spec.namespace;
  const team = teamOf(claim, tenancy);
  return team ? teamNamespace(team, claim.spec.environment) : defaultNamespace(claim.spec.owner.team, claim.spec.environment);
}
