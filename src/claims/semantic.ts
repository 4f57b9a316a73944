/**
 * Rules JSON Schema cannot say: across fields, across claims, and against the settings.
 * Every problem points at the field a user must change; a clash names both places.
 */
import type { Problem } from '../errors.js';
import { resolveComponent } from '../render/component-settings.js';
import { isDnsLabel, MAX_RELEASE_NAME, releaseName } from '../render/names.js';
import { resolveProfile } from '../render/profiles.js';
import { envIssues } from '../render/env-order.js';
import { ingressIssues } from '../render/ingress.js';
import { metricsIssues } from '../render/metrics.js';
import { probeIssues } from '../render/probes.js';
import { replicaIssues } from '../render/replicas.js';
import { volumeIssues } from '../render/volumes.js';
import { wiringClashes } from '../render/wiring.js';
import { parseQuantity } from '../render/quantity.js';
import { claimNamespace, imageRepository, parseImage } from '../render/values.js';
import { policyProblems } from '../policy/problems.js';
import type { RenderSettings } from '../settings/types.js';
import { tenancyProblems } from '../tenancy/problems.js';
import { argocdNameProblems } from './argocd-names.js';
import { derivedNameProblems } from './derived-name-clashes.js';
import { jobProblems } from './job-rules.js';
import { secretProblems } from './secret-rules.js';
import { type FieldPath, placeOf, problemAt, type SourceDoc } from './source.js';
import type { ClaimResources, LoadedClaim } from './types.js';
import { claimUnits } from './units.js';

export function semanticProblems(claims: readonly LoadedClaim[], settings: RenderSettings): Problem[] {
  const problems: Problem[] = [];
  const at = problemAt;
  const place = placeOf;

  const claimNames = new Map<string, { doc: SourceDoc }>();
  const objectNames = new Map<string, { doc: SourceDoc; path: FieldPath }>();

  for (const { claim, env, source: doc } of claims) {
    const spec = claim.spec;
    const name = claim.metadata.name;
    if (spec.environment !== env) {
      problems.push(at(doc, ['spec', 'environment'], 'environment-mismatch', `spec.environment is "${spec.environment}" but the file sits in deployments/${env}/`));
    }
    const key = `${env}/${name}`;
    const previous = claimNames.get(key);
    if (previous) {
      problems.push(at(doc, ['metadata', 'name'], 'duplicate-claim', `claim "${name}" is already defined in environment ${env} at ${place(previous.doc, ['metadata', 'name'])}`));
      continue;
    }
    claimNames.set(key, { doc });

    const namespace = claimNamespace(claim, settings);
    if (!isDnsLabel(namespace)) {
      problems.push(at(doc, ['spec', 'owner', 'team'], 'namespace', `the default namespace "${namespace}" is not a DNS label; set spec.namespace`));
    }

    const units = new Map<string, FieldPath>();
    const components = spec.components ?? [];
    for (const unit of claimUnits(claim)) {
      const seen = units.get(unit.name);
      if (seen) {
        problems.push(at(doc, unit.path, 'duplicate-name', `"${unit.name}" is already used in this claim at ${place(doc, seen)}`));
        continue;
      }
      units.set(unit.name, unit.path);
      const release = releaseName(name, unit.name);
      if (release.length > MAX_RELEASE_NAME) {
        problems.push(at(doc, unit.path, 'release-name-too-long', `"${release}" (claim-name) is ${release.length} characters; Argo CD application and Helm release names allow ${MAX_RELEASE_NAME}`));
      }
      const objectKey = `${env}/${namespace}/${unit.name}`;
      const clash = objectNames.get(objectKey);
      if (clash && clash.doc !== doc) {
        problems.push(at(doc, unit.path, 'object-name-clash', `"${unit.name}" would deploy into namespace ${namespace}, where ${place(clash.doc, clash.path)} already deploys an object of that name`));
      } else {
        objectNames.set(objectKey, { doc, path: unit.path });
      }
    }

    const profile = resolveProfile(env, settings.profiles);
    spec.applications.forEach((app, i) => {
      const base: FieldPath = ['spec', 'applications', i];
      if (app.image !== undefined) {
        const image = parseImage(app.image);
        if (image.tag !== undefined && image.tag !== app.version) {
          const imagePath = typeof app.image === 'string' ? [...base, 'image'] : [...base, 'image', 'tag'];
          problems.push(
            at(doc, imagePath, 'image-tag-conflict', `image tag "${image.tag}" differs from version "${app.version}" at ${place(doc, [...base, 'version'])}; drop one or make them equal`),
          );
        }
      } else if (!imageRepository(app, settings)) {
        problems.push(at(doc, [...base, 'name'], 'image-owner-unknown', 'no image given and no image owner known: set image, or image.owner in deployments/settings.yaml, or --image-owner'));
      }

      const ports = app.ports ?? [];
      const seenPorts = new Map<string, number>();
      ports.forEach((p, j) => {
        for (const k of [`${p.port}/${p.protocol ?? 'TCP'}`, p.name ? `name:${p.name}` : '']) {
          if (!k) continue;
          if (seenPorts.has(k)) problems.push(at(doc, [...base, 'ports', j], 'duplicate-port', `port ${k.replace('name:', 'named ')} is declared twice (also ports[${seenPorts.get(k)}])`));
          else seenPorts.set(k, j);
        }
      });
      const hc = app.healthCheck;
      if (hc) {
        if (hc.port !== undefined && ports.length > 0 && !ports.some((p) => p.port === hc.port)) {
          problems.push(at(doc, [...base, 'healthCheck', 'port'], 'healthcheck-port', `healthCheck port ${hc.port} is not among the declared ports (${ports.map((p) => p.port).join(', ')})`));
        }
        if (hc.port === undefined && ports.length === 0) {
          problems.push(at(doc, [...base, 'healthCheck'], 'healthcheck-port', 'healthCheck needs a port: set healthCheck.port or declare ports'));
        }
      }

      const envNames = new Map<string, number>();
      (app.env ?? []).forEach((e, j) => {
        if (envNames.has(e.name)) problems.push(at(doc, [...base, 'env', j, 'name'], 'duplicate-env', `env ${e.name} is set twice (also env[${envNames.get(e.name)}])`));
        else envNames.set(e.name, j);
        if (e.value !== undefined && e.valueFrom !== undefined) problems.push(at(doc, [...base, 'env', j], 'env-value-and-valuefrom', `env ${e.name} sets both value and valueFrom; choose one`));
      });

      (app.uses ?? []).forEach((used, j) => {
        const target = components.find((c) => c.name === used) ?? spec.applications.find((a) => a.name === used);
        if (!target) {
          const known = components.map((c) => c.name).join(', ') || 'none';
          const apps = spec.applications.filter((a) => a !== app).map((a) => a.name).join(', ') || 'none';
          problems.push(at(doc, [...base, 'uses', j], 'uses-unknown', `uses "${used}", but this claim has no component or application of that name (components: ${known}; applications: ${apps})`));
        } else if (target === app) {
          problems.push(at(doc, [...base, 'uses', j], 'uses-self', `uses "${used}", which is this application itself`));
        } else if (!('type' in target) && !target.ports?.length) {
          problems.push(at(doc, [...base, 'uses', j], 'uses-no-port', `uses application "${used}", which declares no ports, so it has no address to wire in`));
        } else if (target.enabled === false) {
          problems.push(at(doc, [...base, 'uses', j], 'uses-disabled', `uses "${used}", which is disabled`));
        }
      });
      for (const clash of wiringClashes(claim, app)) {
        problems.push(
          at(doc, [...base, 'uses', clash.index], 'uses-env-clash', `uses "${app.uses![clash.index]}" gives ${clash.name}, which "${clash.winner}" already gives with another value: rename one of them, or set ${clash.name} in env to say which`),
        );
      }

      for (const issue of [...replicaIssues(app, profile, env), ...probeIssues(app), ...envIssues(claim, app), ...ingressIssues(app), ...metricsIssues(app), ...volumeIssues(app)]) {
        problems.push(problemAt(doc, [...base, ...issue.path], issue.code, issue.message, issue.part ?? 'value'));
      }

      const as = app.autoscaling;
      if (as?.minReplicas !== undefined && as.maxReplicas !== undefined && as.minReplicas > as.maxReplicas) {
        problems.push(at(doc, [...base, 'autoscaling', 'minReplicas'], 'autoscaling-bounds', `minReplicas ${as.minReplicas} is above maxReplicas ${as.maxReplicas}`));
      }
      problems.push(...resourceProblems(app.resources, [...base, 'resources'], doc, at));
    });

    problems.push(...jobProblems(claim, doc), ...secretProblems(claim, doc, settings));
    components.forEach((c, i) => problems.push(...resourceProblems(c.resources, ['spec', 'components', i, 'resources'], doc, at)));
    components.forEach((c, i) => {
      for (const issue of resolveComponent(c, profile).issues) problems.push(at(doc, ['spec', 'components', i, ...issue.path], issue.code, issue.message));
    });
  }
  problems.push(...argocdNameProblems(claims, settings));
  problems.push(...derivedNameProblems(claims, settings));
  problems.push(...policyProblems(claims, settings));
  problems.push(...tenancyProblems(claims, settings));
  return problems;
}

type At = (doc: SourceDoc, path: FieldPath, code: string, message: string) => Problem;

function resourceProblems(r: ClaimResources | undefined, path: FieldPath, doc: SourceDoc, at: At): Problem[] {
  if (!r?.limits) return [];
  const out: Problem[] = [];
  for (const k of ['cpu', 'memory'] as const) {
    const req = r.requests?.[k] ?? r[k];
    const lim = r.limits[k];
    if (req === undefined || lim === undefined) continue;
    const a = parseQuantity(req);
    const b = parseQuantity(lim);
    if (a !== undefined && b !== undefined && a > b) out.push(at(doc, [...path, 'limits', k], 'request-over-limit', `${k} limit ${lim} is below the request ${req}`));
  }
  return out;
}

