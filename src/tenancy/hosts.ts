/**
 * Ingress hosts: each one belongs to one claim per environment, and to a team only inside the
 * host patterns the registry grants it. The ALB IngressGroup annotations that would merge a
 * claim's Ingress into a load balancer shared with other teams (and order its rules before
 * theirs) need a grant too. Pure.
 */
import { type FieldPath, placeOf, problemAt, type SourceDoc } from '../claims/source.js';
import type { ApplicationSpec, LoadedClaim } from '../claims/types.js';
import type { Problem } from '../errors.js';
import type { RegisteredTeam } from '../settings/tenancy.js';
import type { RenderSettings } from '../settings/types.js';
import { teamOf } from './registry.js';
import { settingsPlace } from './settings-place.js';

export const ALB_GROUP_NAME = 'alb.ingress.kubernetes.io/group.name';
export const ALB_GROUP_ORDER = 'alb.ingress.kubernetes.io/group.order';

export interface UnitHost {
  host: string;
  /** The claim field that sets it. */
  path: FieldPath;
}

/**
 * Every ingress host an application asks for, with the field that asks: the first-class
 * `ingress.hosts` and the escape hatch's `values.ingress.host`. Disabled apps and ingresses
 * count: a host written in a claim is that claim's.
 */
export function unitHosts(app: ApplicationSpec, base: FieldPath): UnitHost[] {
  const hosts: UnitHost[] = (app.ingress?.hosts ?? []).map((host, i) => ({ host, path: [...base, 'ingress', 'hosts', i] }));
  const hatch = record(app.values?.ingress);
  if (typeof hatch?.host === 'string') hosts.push({ host: hatch.host, path: [...base, 'values', 'ingress', 'host'] });
  return hosts;
}

/** `shop.example.com` matches itself; `*.shop.example.com` matches any name below shop.example.com. */
export function hostMatches(host: string, pattern: string): boolean {
  return pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1 : host === pattern;
}

export function hostProblems(claims: readonly LoadedClaim[], settings: RenderSettings): Problem[] {
  const problems: Problem[] = [];
  const taken = new Map<string, { doc: SourceDoc; path: FieldPath; claim: string }>();
  const registry = settings.tenancy?.teams !== undefined;

  for (const { claim, env, source: doc } of claims) {
    const team = teamOf(claim, settings.tenancy);
    claim.spec.applications.forEach((app, i) => {
      const base: FieldPath = ['spec', 'applications', i];
      for (const { host, path } of unitHosts(app, base)) {
        const key = `${env}/${host}`;
        const other = taken.get(key);
        if (other && other.claim !== claim.metadata.name) {
          problems.push(problemAt(doc, path, 'host-clash', `host ${host} is already served by claim "${other.claim}" at ${placeOf(other.doc, other.path)}; a host belongs to one claim per environment`));
        } else if (!other) {
          taken.set(key, { doc, path, claim: claim.metadata.name });
        }
        // Without a registry there are no patterns to hold a host to; an unregistered team is reported by the namespace rules.
        if (registry && team && !team.hosts.some((p) => hostMatches(host, p))) {
          problems.push(problemAt(doc, path, 'host-not-granted', `host ${host} is outside the hosts granted to team ${team.id} (${team.hosts.join(', ') || 'none'}); the platform grants hosts in ${settingsPlace(settings.tenancy!, ['teams', team.id])} (hosts)`));
        }
      }
      problems.push(...ingressGroupProblems(app, base, doc, team, settings));
    });
  }
  return problems;
}

function ingressGroupProblems(app: ApplicationSpec, base: FieldPath, doc: SourceDoc, team: RegisteredTeam | undefined, settings: RenderSettings): Problem[] {
  const annotations = record(record(app.values?.ingress)?.annotations);
  if (!annotations) return [];
  const path = (key: string): FieldPath => [...base, 'values', 'ingress', 'annotations', key];
  const granted = team?.grants.ingressGroups ?? [];
  const where = team && settings.tenancy ? `${settingsPlace(settings.tenancy, ['teams', team.id])} (grants.ingressGroups)` : 'deployments/settings.yaml (spec.tenancy.teams.<team>.grants.ingressGroups)';
  const problems: Problem[] = [];
  const group = annotations[ALB_GROUP_NAME];
  const groupGranted = typeof group === 'string' && granted.includes(group);
  if (group !== undefined && !groupGranted) {
    problems.push(problemAt(doc, path(ALB_GROUP_NAME), 'ingress-group-not-granted', `${ALB_GROUP_NAME} would put this Ingress on a load balancer shared with other claims; only a group granted to the team may be joined (${granted.join(', ') || 'none granted'}): ${where}`));
  }
  if (annotations[ALB_GROUP_ORDER] !== undefined && !groupGranted) {
    problems.push(problemAt(doc, path(ALB_GROUP_ORDER), 'ingress-group-not-granted', `${ALB_GROUP_ORDER} orders this Ingress's rules among other claims' on a shared load balancer; it needs ${ALB_GROUP_NAME} naming a group granted to the team: ${where}`));
  }
  return problems;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
