/**
 * Helm values for one application or component: the claim, plus the environment profile where
 * the claim is silent. Pure: claims in, plain data out. The shape is the contract with
 * charts/common/values.schema.json; every document built here is validated against it.
 */
import type {
  ApplicationClaim,
  ApplicationSpec,
  ClaimResources,
  ComponentSpec,
  EnvVar,
  HealthCheck,
  ImageObject,
} from '../claims/types.js';
import { FORBIDDEN_KEYS } from '../claims/parse.js';
import type { RenderSettings } from '../settings/types.js';
import { defaultNamespace, toDnsLabel } from './names.js';
import { type Profile, type ResourceSet, SIZE_PRESETS } from './profiles.js';
import { parseQuantity, quantityText } from './quantity.js';

export type Values = Record<string, unknown>;

export const POSTGRES_IMAGE = 'ghcr.io/cloudnative-pg/postgresql';
export const DEFAULT_POSTGRES_VERSION = '17';
export const REDIS_IMAGE = 'docker.io/library/redis';
export const DEFAULT_REDIS_VERSION = '7.4';

export function claimNamespace(claim: ApplicationClaim): string {
  return claim.spec.namespace ?? defaultNamespace(claim.spec.owner.team, claim.spec.environment);
}

export function platformLabels(claim: ApplicationClaim): Record<string, string> {
  const carried: Record<string, string> = { ...claim.metadata.labels };
  if (claim.metadata.namespace) carried['platform.infraforge.io/source-namespace'] = claim.metadata.namespace;
  return {
    ...carried,
    'platform.infraforge.io/claim': claim.metadata.name,
    'platform.infraforge.io/team': toDnsLabel(claim.spec.owner.team),
    'platform.infraforge.io/environment': claim.spec.environment,
    'platform.infraforge.io/managed': 'true',
  };
}

export interface ImageRef {
  repository: string;
  tag: string | undefined;
  digest: string | undefined;
  pullPolicy: string | undefined;
}

/** `repo[:tag][@sha256:…]` or the object form, split into parts. */
export function parseImage(image: string | ImageObject): ImageRef {
  if (typeof image !== 'string') {
    return { repository: image.repository, tag: image.tag, digest: image.digest, pullPolicy: image.pullPolicy };
  }
  let rest = image;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  return { repository: rest, tag, digest, pullPolicy: undefined };
}

/**
 * The `owner/name` of a claim's `repository`, in the forms the operator's claims used:
 * `acme/web`, `https://github.com/acme/web`, `git@github.com:acme/web.git` → `acme/web`
 * (lowercase, as image names must be). The schema admits only these forms.
 */
export function githubRepository(text: string): string {
  return text
    .replace(/^(?:https:\/\/(?:www\.)?github\.com\/|git@github\.com:)/, '')
    .replace(/\/$/, '')
    .replace(/\.git$/, '')
    .toLowerCase();
}

/** Where the image lives when the claim names no image: never a hard-coded owner. */
export function imageRepository(app: ApplicationSpec, settings: RenderSettings): string | undefined {
  if (app.image !== undefined) return parseImage(app.image).repository;
  const { registry, owner } = settings.image;
  if (app.repository) return `${registry}/${githubRepository(app.repository)}`;
  if (!owner) return undefined;
  return `${registry}/${owner}/${app.serviceName ?? app.name}`;
}

export function applicationValues(claim: ApplicationClaim, app: ApplicationSpec, profile: Profile, settings: RenderSettings): Values {
  const image = app.image === undefined ? undefined : parseImage(app.image);
  const repository = imageRepository(app, settings);
  if (!repository) throw new Error(`no image owner for ${app.name}; semantic validation should have caught this`);
  const tag = image?.tag ?? app.version;

  const replicas = Math.max(app.replicas ?? profile.replicas.default, profile.replicas.floor);
  const ports = (app.ports ?? []).map((p) => ({
    name: p.name ?? `${(p.protocol ?? 'TCP').toLowerCase()}-${p.port}`,
    port: p.port,
    protocol: p.protocol ?? 'TCP',
  }));

  const autoscalingEnabled = app.autoscaling?.enabled ?? profile.autoscaling.enabled;
  const minReplicas = app.autoscaling?.minReplicas ?? replicas;
  const autoscaling: Values = {
    enabled: autoscalingEnabled,
    minReplicas,
    maxReplicas: app.autoscaling?.maxReplicas ?? Math.max(minReplicas, replicas * profile.autoscaling.maxReplicasFactor),
    targetCPUUtilizationPercentage:
      app.autoscaling?.targetCPUUtilizationPercentage ?? app.autoscaling?.targetCPU ?? profile.autoscaling.targetCPUUtilizationPercentage,
  };
  const memoryTarget = app.autoscaling?.targetMemoryUtilizationPercentage ?? app.autoscaling?.targetMemory;
  if (memoryTarget !== undefined) autoscaling.targetMemoryUtilizationPercentage = memoryTarget;

  const imageValues: Values = { repository, tag, pullPolicy: image?.pullPolicy ?? (tag === 'latest' ? 'Always' : 'IfNotPresent') };
  if (image?.digest) imageValues.digest = image.digest;

  const values: Values = {
    type: 'microservice',
    name: app.name,
    labels: platformLabels(claim),
    image: imageValues,
    replicas,
    ports,
    probes: probes(app.healthCheck, ports[0]?.port),
    resources: mergeResources(profile.resources, app.resources),
    env: wiredEnv(claim, app),
    autoscaling,
    podDisruptionBudget: { enabled: profile.podDisruptionBudget && Math.min(replicas, minReplicas) >= 2, minAvailable: 1 },
  };
  return app.values ? deepMerge(values, app.values) : values;
}

/** Liveness and readiness from the claim's healthCheck; a TCP check on the first port otherwise. */
function probes(health: HealthCheck | undefined, firstPort: number | undefined): Values {
  const port = health?.port ?? firstPort;
  if (port === undefined) return {};
  const handler: Values = health?.path ? { httpGet: { path: health.path, port } } : { tcpSocket: { port } };
  const timing = {
    initialDelaySeconds: health?.initialDelaySeconds ?? 10,
    periodSeconds: health?.periodSeconds ?? 10,
    timeoutSeconds: health?.timeoutSeconds ?? 1,
    failureThreshold: health?.failureThreshold ?? 3,
  };
  return { liveness: { ...handler, ...timing }, readiness: { ...handler, ...timing } };
}

/**
 * Claim values beat the profile, field by field. A request the claim raises above the
 * profile's default limit lifts that limit too: Kubernetes refuses request > limit, and the
 * user asked only for the request.
 */
export function mergeResources(base: ResourceSet, claim: ClaimResources | undefined): ResourceSet {
  const requests: Record<string, string> = { ...base.requests };
  const limits: Record<string, string> = { ...base.limits };
  const claimRequests = { ...pick(claim, ['cpu', 'memory']), ...claim?.requests };
  for (const [k, v] of Object.entries(claimRequests)) if (v !== undefined) requests[k] = quantityText(v);
  for (const [k, v] of Object.entries(claim?.limits ?? {})) if (v !== undefined) limits[k] = quantityText(v);
  for (const k of ['cpu', 'memory']) {
    const explicitLimit = claim?.limits?.[k as 'cpu'] !== undefined;
    const req = parseQuantity(requests[k]!);
    const lim = parseQuantity(limits[k]!);
    if (!explicitLimit && req !== undefined && lim !== undefined && req > lim) limits[k] = requests[k]!;
  }
  return { requests: requests as ResourceSet['requests'], limits: limits as ResourceSet['limits'] };
}

function pick<T extends object>(obj: T | undefined, keys: string[]): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  if (!obj) return out;
  for (const k of keys) {
    const v = (obj as Record<string, unknown>)[k];
    if (typeof v === 'string' || typeof v === 'number') out[k] = v;
  }
  return out;
}

/** The app's env, then connection settings for each component it uses; never a credential. */
function wiredEnv(claim: ApplicationClaim, app: ApplicationSpec): Values[] {
  const env: Values[] = (app.env ?? []).map(envEntry);
  const taken = new Set((app.env ?? []).map((e) => e.name));
  const add = (entry: Values) => {
    if (taken.has(entry.name as string)) return;
    taken.add(entry.name as string);
    env.push(entry);
  };
  const components = claim.spec.components ?? [];
  let firstDb = true;
  let firstRedis = true;
  for (const used of app.uses ?? []) {
    const component = components.find((c) => c.name === used);
    if (!component || component.enabled === false) continue;
    const prefix = used.toUpperCase().replace(/-/g, '_');
    if (component.type === 'postgresql') {
      const ref = { valueFrom: { secretKeyRef: { name: `${used}-app`, key: 'uri' } } };
      if (firstDb) add({ name: 'DATABASE_URL', ...ref });
      add({ name: `${prefix}_DATABASE_URL`, ...ref });
      firstDb = false;
    } else if (component.type === 'redis') {
      const auth = component.config?.auth;
      const host = `${used}:6379`;
      if (auth) {
        add({ name: `${prefix}_REDIS_PASSWORD`, valueFrom: { secretKeyRef: { name: auth.existingSecret, key: auth.key ?? 'password' } } });
      }
      // $(VAR) is expanded by the kubelet from the variable above: the password never lands in git.
      const url = auth ? `redis://:$(${prefix}_REDIS_PASSWORD)@${host}` : `redis://${host}`;
      if (firstRedis) add({ name: 'REDIS_URL', value: url });
      add({ name: `${prefix}_REDIS_URL`, value: url });
      firstRedis = false;
    }
  }
  return env;
}

function envEntry(e: EnvVar): Values {
  if (e.valueFrom) return { name: e.name, valueFrom: e.valueFrom };
  return { name: e.name, value: e.value ?? '' };
}

export function componentValues(claim: ApplicationClaim, component: ComponentSpec, profile: Profile): Values {
  const preset = component.size ? SIZE_PRESETS[component.size] : undefined;
  const storageObj = typeof component.storage === 'object' ? component.storage : {};
  const storageSize = (typeof component.storage === 'string' ? component.storage : storageObj.size) ?? preset?.storage ?? profile.components.storage;
  const storageClass = storageObj.storageClass ?? profile.components.storageClass;
  const storage: Values = { size: storageSize };
  if (storageClass) storage.storageClass = storageClass;
  const resources = mergeResources(preset?.resources ?? profile.resources, component.resources);
  const base: Values = { type: component.type, name: component.name, labels: platformLabels(claim) };
  const config = component.config ?? {};

  if (component.type === 'postgresql') {
    const version = component.version ?? DEFAULT_POSTGRES_VERSION;
    const parameters: Record<string, string> = { ...config.parameters };
    if (config.maxConnections && !parameters.max_connections) parameters.max_connections = config.maxConnections;
    const backup: Values = config.backup
      ? {
          enabled: true,
          destinationPath: config.backup.destinationPath,
          retentionPolicy: config.backup.retentionPolicy ?? '30d',
          inheritFromIAMRole: config.backup.inheritFromIAMRole ?? true,
        }
      : { enabled: false };
    return {
      ...base,
      postgresql: {
        instances: component.replicas ?? profile.components.instances,
        version,
        imageName: `${POSTGRES_IMAGE}:${version}`,
        storage,
        resources,
        database: config.database ?? 'app',
        owner: config.owner ?? 'app',
        parameters,
        monitoring: config.monitoring ?? false,
        backup,
      },
    };
  }

  const version = component.version ?? DEFAULT_REDIS_VERSION;
  return {
    ...base,
    redis: {
      version,
      image: { repository: REDIS_IMAGE, tag: version },
      persistence: { enabled: config.persistence ?? true, ...storage },
      auth: config.auth ? { enabled: true, existingSecret: config.auth.existingSecret, key: config.auth.key ?? 'password' } : { enabled: false },
      maxmemoryPolicy: config.maxmemoryPolicy ?? 'noeviction',
      resources,
    },
  };
}

/** Objects merge key by key; lists and scalars replace. Prototype keys never pass. */
export function deepMerge(base: Values, over: Values): Values {
  const out: Values = { ...base };
  for (const [k, v] of Object.entries(over)) {
    if (FORBIDDEN_KEYS.has(k)) continue;
    const prev = out[k];
    out[k] = isObject(prev) && isObject(v) ? deepMerge(prev, v) : v;
  }
  return out;
}

function isObject(v: unknown): v is Values {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

