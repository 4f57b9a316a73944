/**
 * Environment profiles: what an environment adds when a claim leaves a field out.
 * Explicit claim values always win, except the replica floor, which is the point of a floor.
 */
import type { ComponentSize } from '../claims/types.js';

export interface ResourceSet {
  requests: { cpu: string; memory: string };
  limits: { cpu: string; memory: string };
}

export interface Profile {
  replicas: { default: number; floor: number };
  resources: ResourceSet;
  podDisruptionBudget: boolean;
  /** Spread an app's pods over zones and nodes. */
  topologySpread: boolean;
  autoscaling: { enabled: boolean; maxReplicasFactor: number; targetCPUUtilizationPercentage: number };
  /**
   * instances: PostgreSQL members. quorumMembers / quorumFloor: the default and the least
   * members of the stores that elect by majority (RabbitMQ, MongoDB, Elasticsearch, Kafka),
   * where two members survive no more failures than one.
   */
  components: { instances: number; quorumMembers: number; quorumFloor: number; storage: string; storageClass?: string };
}

export const BUILTIN_PROFILES: Readonly<Record<'dev' | 'staging' | 'prod', Profile>> = {
  dev: {
    replicas: { default: 1, floor: 1 },
    resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '512Mi' } },
    podDisruptionBudget: false,
    topologySpread: false,
    autoscaling: { enabled: false, maxReplicasFactor: 3, targetCPUUtilizationPercentage: 80 },
    components: { instances: 1, quorumMembers: 1, quorumFloor: 1, storage: '1Gi' },
  },
  staging: {
    replicas: { default: 2, floor: 1 },
    resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '1', memory: '1Gi' } },
    podDisruptionBudget: false,
    topologySpread: false,
    autoscaling: { enabled: false, maxReplicasFactor: 3, targetCPUUtilizationPercentage: 75 },
    components: { instances: 2, quorumMembers: 3, quorumFloor: 1, storage: '10Gi' },
  },
  prod: {
    replicas: { default: 3, floor: 2 },
    resources: { requests: { cpu: '500m', memory: '512Mi' }, limits: { cpu: '2', memory: '2Gi' } },
    podDisruptionBudget: true,
    topologySpread: true,
    autoscaling: { enabled: true, maxReplicasFactor: 3, targetCPUUtilizationPercentage: 70 },
    components: { instances: 3, quorumMembers: 3, quorumFloor: 3, storage: '50Gi' },
  },
};

/** A profile as the settings file may write it: any part, on top of a built-in one. */
export interface ProfileOverride {
  extends?: 'dev' | 'staging' | 'prod';
  replicas?: Partial<Profile['replicas']>;
  resources?: { requests?: Partial<ResourceSet['requests']>; limits?: Partial<ResourceSet['limits']> };
  podDisruptionBudget?: boolean;
  topologySpread?: boolean;
  autoscaling?: Partial<Profile['autoscaling']>;
  components?: Partial<Profile['components']>;
}

export function resolveProfile(env: string, overrides: Record<string, ProfileOverride> = {}): Profile {
  const own = Object.hasOwn(overrides, env) ? overrides[env] : undefined;
  const baseName = own?.extends ?? (env === 'staging' || env === 'prod' ? env : 'dev');
  const base = BUILTIN_PROFILES[baseName];
  if (!own) return base;
  return {
    replicas: { ...base.replicas, ...own.replicas },
    resources: {
      requests: { ...base.resources.requests, ...own.resources?.requests },
      limits: { ...base.resources.limits, ...own.resources?.limits },
    },
    podDisruptionBudget: own.podDisruptionBudget ?? base.podDisruptionBudget,
    topologySpread: own.topologySpread ?? base.topologySpread,
    autoscaling: { ...base.autoscaling, ...own.autoscaling },
    components: { ...base.components, ...own.components },
  };
}

/** Component size presets (the operator's small | medium | large). */
export const SIZE_PRESETS: Readonly<Record<ComponentSize, { resources: ResourceSet; storage: string }>> = {
  small: {
    resources: { requests: { cpu: '250m', memory: '512Mi' }, limits: { cpu: '1', memory: '1Gi' } },
    storage: '10Gi',
  },
  medium: {
    resources: { requests: { cpu: '1', memory: '2Gi' }, limits: { cpu: '2', memory: '4Gi' } },
    storage: '50Gi',
  },
  large: {
    resources: { requests: { cpu: '2', memory: '8Gi' }, limits: { cpu: '4', memory: '16Gi' } },
    storage: '200Gi',
  },
};
