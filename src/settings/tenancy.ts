/**
 * The team registry (spec.tenancy of deployments/settings.yaml) as the tenancy rules read it.
 * The platform writes it; claims are checked against it. README: Tenancy.
 */
import { placeOf, type SourceDoc } from '../claims/source.js';
import { cmp } from '../errors.js';
import type { ReservedName } from './types.js';

/** What the platform allows one team beyond the defaults. Every list is empty unless granted. */
export interface TeamGrants {
  /** Namespaces besides its own that the team's claims may name in spec.namespace. */
  namespaces: string[];
  /**
   * values fields (dotted paths: `tolerations`, `service.type`, …) the team may set beyond
   * tightening the chart's defaults. Read by the pod-security policy on `values:`.
   */
  podSecurity: string[];
  /** ALB IngressGroups (`alb.ingress.kubernetes.io/group.name`) the team may join. */
  ingressGroups: string[];
}

export interface RegisteredTeam {
  /** The registry key: a DNS label; the default namespace is `<id>-<env>`. */
  id: string;
  /** The `owner.team` its claims write, exactly. */
  ownerTeam: string;
  /** GitHub owners of its claim files: `@org/team` or `@user`. */
  owners: string[];
  /** Namespace per environment where it is not `<id>-<env>`. */
  namespaces: Readonly<Record<string, string>>;
  /** Host patterns it may serve: `shop.example.com`, or `*.shop.example.com` for any name below. */
  hosts: string[];
  grants: TeamGrants;
}

export interface Tenancy {
  /** The registry, in id order; absent without `spec.tenancy.teams` (the strict default). */
  teams?: RegisteredTeam[];
  /** Owners of everything that is not a team's claim (CODEOWNERS). */
  platformOwners: string[];
  /** Namespaces the settings reserve, with the line that reserves each. */
  reservedNamespaces: ReservedName[];
  /** The settings document, to point a registry problem at its line. */
  source?: SourceDoc;
}

/** spec.tenancy as the schema admits it. */
export interface TenancyFile {
  platformOwners?: string[];
  reservedNamespaces?: string[];
  teams?: Record<string, { ownerTeam: string; owners: string[]; namespaces?: Record<string, string>; hosts?: string[]; grants?: Partial<TeamGrants> }>;
}

export const NO_TENANCY: Tenancy = { platformOwners: [], reservedNamespaces: [] };

export function resolveTenancy(file: TenancyFile | undefined, doc: SourceDoc | undefined): Tenancy {
  if (!file) return NO_TENANCY;
  const reservedNamespaces = (file.reservedNamespaces ?? []).map((name, i) => ({
    name,
    where: doc ? placeOf(doc, ['spec', 'tenancy', 'reservedNamespaces', i]) : 'deployments/settings.yaml',
  }));
  const teams = file.teams
    ? Object.entries(file.teams)
        .sort(([a], [b]) => cmp(a, b))
        .map(([id, t]) => ({
          id,
          ownerTeam: t.ownerTeam,
          owners: t.owners,
          namespaces: t.namespaces ?? {},
          hosts: t.hosts ?? [],
          grants: { namespaces: t.grants?.namespaces ?? [], podSecurity: t.grants?.podSecurity ?? [], ingressGroups: t.grants?.ingressGroups ?? [] },
        }))
    : undefined;
  return { ...(teams ? { teams } : {}), platformOwners: file.platformOwners ?? [], reservedNamespaces, ...(doc ? { source: doc } : {}) };
}
