/**
 * Helm values for one application or component: the claim, plus the environment profile where
 * the claim is silent. Pure: claims in, plain data out. The shape is the contract with
 * charts/common/values.schema.json; every document built here is validated against it.
 */
import type { ApplicationClaim, ApplicationSpec, ImageObject } from '../claims/types.js';
import { FORBIDDEN_KEYS } from '../claims/parse.js';
import type { RenderSettings } from '../settings/types.js';
import { claimNamespace as namespaceOfClaim } from '../tenancy/registry.js';
import { toDnsLabel } from './names.js';
import type { Profile } from './profiles.js';
import { containerEnv } from './env-order.js';
import { ingressValues } from './ingress.js';
import { metricsValues } from './metrics.js';
import { probeValues } from './probes.js';
import { replicaCount } from './replicas.js';
import { runAs } from './security.js';
import { volumeValues } from './volumes.js';
import { mergeResources } from './resources.js';
import { externalSecretValues } from './external-secrets.js';
import { jobValues } from './job-values.js';
import type { ResourceSet } from './profiles.js';
import type { EnvEntry } from './wiring.js';

export { mergeResources } from './resources.js';

export type Values = Record<string, unknown>;

export function claimNamespace(claim: ApplicationClaim, settings: Pick<RenderSettings, 'tenancy'>): string {
  return namespaceOfClaim(claim, settings.tenancy);
}

export const SOURCE_NAMESPACE_LABEL = 'platform.infraforge.io/source-namespace';
export const TEAM_LABEL = 'platform.infraforge.io/team';

export function platformLabels(claim: ApplicationClaim): Record<string, string> {
  const carried: Record<string, string> = { ...claim.metadata.labels };
  if (claim.metadata.namespace) carried[SOURCE_NAMESPACE_LABEL] = claim.metadata.namespace;
  return {
    ...carried,
    'platform.infraforge.io/claim': claim.metadata.name,
    [TEAM_LABEL]: toDnsLabel(claim.spec.owner.team),
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

  const replicas = replicaCount(app, profile);
  const ports = (app.ports ?? []).map((p) => {
    const port: Values & { name: string; port: number } = { name: p.name ?? `${(p.protocol ?? 'TCP').toLowerCase()}-${p.port}`, port: p.port, protocol: p.protocol ?? 'TCP' };
    if (p.servicePort !== undefined && p.servicePort !== p.port) port.servicePort = p.servicePort;
    return port;
  });

  const autoscalingEnabled = !app.singleton && (app.autoscaling?.enabled ?? profile.autoscaling.enabled);
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
  // A digest the claim wrote wins; otherwise the one resolved for this run (spec.image.pinDigests).
  const digest = image?.digest ?? (tag === undefined ? undefined : settings.image.digests?.get(`${repository}:${tag}`));
  if (digest) imageValues.digest = digest;

  const values: Values = {
    type: 'microservice',
    name: app.name,
    labels: platformLabels(claim),
    image: imageValues,
    replicas,
    ports,
    probes: probeValues(app, ports[0]?.port),
    resources: mergeResources(profile.resources, app.resources),
    env: containerEnv(claim, app),
    autoscaling,
    podDisruptionBudget: { enabled: profile.podDisruptionBudget && Math.min(replicas, minReplicas) >= 2, minAvailable: 1 },
  };
  const user = runAs(app, settings);
  // Merged by Helm into the chart's podSecurityContext (runAsNonRoot, seccomp).
  if (Object.keys(user).length) values.podSecurityContext = user;
  if (!app.singleton && (app.topologySpread ?? profile.topologySpread)) values.topologySpread = true;
  const ingress = ingressValues(app);
  if (ingress) values.ingress = ingress;
  const metrics = metricsValues(app, ports);
  if (metrics) values.metrics = metrics;
  const volumes = volumeValues(app);
  if (volumes) values.volumes = volumes;
  if (app.serviceAccount?.annotations) values.serviceAccount = { annotations: { ...app.serviceAccount.annotations } };
  if (app.command) values.command = [...app.command];
  if (app.args) values.args = [...app.args];
  // One pod that must never overlap with its successor (a scheduler): the old one stops first.
  if (app.singleton) values.strategy = { type: 'Recreate' };
  // Secrets first: the app's own env may refer to them as $(NAME).
  const secrets = externalSecretValues(claim, app, settings.externalSecrets);
  if (secrets.env.length) values.env = [...secrets.env, ...(values.env as EnvEntry[])];
  Object.assign(values, secrets.values, jobValues(app, values.env as EnvEntry[], values.resources as ResourceSet));
  return app.values ? deepMerge(values, app.values) : values;
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

