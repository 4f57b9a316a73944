/**
 * The rules for a claim's `values:` escape hatch (merged last over what the renderer makes).
 * Pure: one app's values in, the fields that break a rule out. A field either stays inside
 * what the platform lets every tenant do, may only tighten a default, or needs a grant.
 *
 * The security contexts are tighten-only: charts/common runs every pod under Pod Security
 * `restricted` whatever the values say (templates/_helpers.tpl), and the namespaces enforce
 * it, so nothing a grant could open would reach a pod. Refusing at render says so at the
 * claim line instead of leaving a silent no-op or a pod the API server refuses.
 */
import type { FieldPath } from '../claims/source.js';
import type { Grant } from './grants.js';
import { ALB_GROUP_NAME, ALB_GROUP_ORDER } from '../tenancy/hosts.js';

export interface Violation {
  /** Relative to the app's `values`. */
  path: FieldPath;
  message: string;
  /** The grant that would allow it; undefined when only tightening is allowed. */
  grant?: Grant;
  /** Why no grant helps, when it is not Pod Security (the default reason). */
  why?: string;
}

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isId = (v: Json) => Number.isInteger(v) && (v as number) >= 1;
const isEmpty = (v: Json) => (Array.isArray(v) && v.length === 0) || (isObject(v) && Object.keys(v).length === 0);
const show = (v: Json) => JSON.stringify(v);

/**
 * Annotation and label keys in Kubernetes' own prefixes (`*.kubernetes.io/`, `*.k8s.io/`) are
 * read by the cluster (AppArmor and seccomp profiles, load balancer settings, selectors), and
 * `platform.infraforge.io/` by the platform; a claim does not set them through values.
 */
function reservedKey(key: string): boolean {
  const prefix = key.includes('/') ? key.slice(0, key.indexOf('/')) : '';
  return /(^|\.)kubernetes\.io$|(^|\.)k8s\.io$|^platform\.infraforge\.io$/.test(prefix);
}

/** Ingress annotations that only tune this app's own route (AWS Load Balancer Controller, ingress-nginx). */
const ROUTE_ANNOTATIONS = /^(alb\.ingress\.kubernetes\.io\/(healthcheck-[a-z-]+|success-codes|target-type|backend-protocol|target-group-attributes)|nginx\.ingress\.kubernetes\.io\/(proxy-(body-size|connect-timeout|read-timeout|send-timeout|buffer-size)|rewrite-target|use-regex|backend-protocol|ssl-redirect|force-ssl-redirect))$/;

function podSecurityContext(v: Json): Violation[] {
  if (!isObject(v)) return [{ path: ['podSecurityContext'], message: `podSecurityContext ${show(v)} would drop the pod's security context` }];
  const out: Violation[] = [];
  for (const [k, x] of Object.entries(v)) {
    const ok =
      (k === 'runAsNonRoot' && x === true) ||
      (['runAsUser', 'runAsGroup', 'fsGroup'].includes(k) && isId(x)) ||
      (k === 'seccompProfile' && isObject(x) && x.type === 'RuntimeDefault' && Object.keys(x).length === 1);
    if (!ok) out.push({ path: ['podSecurityContext', k], message: `podSecurityContext.${k}: ${show(x)} loosens the pod's security (Pod Security restricted allows runAsNonRoot: true, ids of 1 or more, seccompProfile RuntimeDefault)` });
  }
  return out;
}

function containerSecurityContext(v: Json): Violation[] {
  if (!isObject(v)) return [{ path: ['securityContext'], message: `securityContext ${show(v)} would drop the container's security context` }];
  const out: Violation[] = [];
  for (const [k, x] of Object.entries(v)) {
    const path = ['securityContext', k];
    if (k === 'readOnlyRootFilesystem' && x === false) {
      out.push({ path, message: 'securityContext.readOnlyRootFilesystem: false makes the root filesystem writable', grant: 'securityContext.readOnlyRootFilesystem' });
      continue;
    }
    const ok =
      (k === 'runAsNonRoot' && x === true) ||
      (k === 'allowPrivilegeEscalation' && x === false) ||
      (k === 'readOnlyRootFilesystem' && x === true) ||
      (k === 'runAsUser' && isId(x)) ||
      (k === 'capabilities' && isObject(x) && Object.keys(x).every((c) => c === 'drop') && Array.isArray(x.drop) && x.drop.includes('ALL'));
    if (!ok) out.push({ path, message: `securityContext.${k}: ${show(x)} loosens the container's security (Pod Security restricted: no privilege escalation, capabilities drop ALL and add none, non-root)` });
  }
  return out;
}

function serviceAccount(v: Json): Violation[] {
  if (!isObject(v)) return [{ path: ['serviceAccount'], message: `serviceAccount ${show(v)} replaces the app's own ServiceAccount`, grant: 'serviceAccount' }];
  const out: Violation[] = [];
  for (const [k, x] of Object.entries(v)) {
    if ((k === 'create' && x === true) || (k === 'automountToken' && x === false) || (k === 'annotations' && isEmpty(x))) continue;
    const what = k === 'annotations' ? 'gives the ServiceAccount annotations (a cloud IAM role)' : k === 'create' ? 'runs the pods as the namespace\'s default ServiceAccount' : 'mounts an API token into the pods';
    out.push({ path: ['serviceAccount', k], message: `serviceAccount.${k}: ${show(x)} ${what}`, grant: 'serviceAccount' });
  }
  return out;
}

function service(v: Json): Violation[] {
  if (!isObject(v)) return [];
  const out: Violation[] = [];
  if (v.type !== undefined && v.type !== 'ClusterIP') out.push({ path: ['service', 'type'], message: `service.type: ${show(v.type)} exposes the app outside the cluster`, grant: 'service.type' });
  if (v.annotations !== undefined && !isEmpty(v.annotations)) out.push({ path: ['service', 'annotations'], message: 'service.annotations configure load balancers and cloud resources', grant: 'service.annotations' });
  return out;
}

function ingress(v: Json): Violation[] {
  if (!isObject(v)) return [];
  const out: Violation[] = [];
  if (isObject(v.annotations)) {
    for (const key of Object.keys(v.annotations)) {
      // ALB IngressGroups have their own grant, per group (src/tenancy/hosts.ts).
      if (key === ALB_GROUP_NAME || key === ALB_GROUP_ORDER) continue;
      if (!ROUTE_ANNOTATIONS.test(key)) {
        out.push({ path: ['ingress', 'annotations', key], message: `ingress annotation ${show(key)} is not one that only tunes this app's route; it may change the load balancer or controller every team shares`, grant: 'ingress.annotations' });
      }
    }
  }
  return out;
}

function scheduling(key: 'nodeSelector' | 'tolerations' | 'affinity', v: Json): Violation[] {
  if (v === undefined || isEmpty(v)) return [];
  return [{ path: [key], message: `${key} places pods on nodes the platform reserves for others`, grant: key }];
}

function reservedKeys(key: 'labels' | 'annotations' | 'podAnnotations', v: Json): Violation[] {
  if (!isObject(v)) return [];
  return Object.keys(v)
    .filter(reservedKey)
    .map((k) => ({
      path: [key, k],
      message: `${key} ${show(k)}: keys under kubernetes.io, k8s.io and platform.infraforge.io are read by the cluster or the platform, not set by a claim`,
      why: 'no grant changes that; a key of your own domain (example.com/owner) is fine',
    }));
}

/** Every rule an app's `values` breaks, in a stable order. */
export function valuesViolations(values: Record<string, Json>): Violation[] {
  const out: Violation[] = [];
  for (const [key, v] of Object.entries(values)) {
    switch (key) {
      case 'podSecurityContext': out.push(...podSecurityContext(v)); break;
      case 'securityContext': out.push(...containerSecurityContext(v)); break;
      case 'serviceAccount': out.push(...serviceAccount(v)); break;
      case 'service': out.push(...service(v)); break;
      case 'ingress': out.push(...ingress(v)); break;
      case 'nodeSelector': case 'tolerations': case 'affinity': out.push(...scheduling(key, v)); break;
      case 'labels': case 'annotations': case 'podAnnotations': out.push(...reservedKeys(key, v)); break;
      case 'type': out.push({ path: ['type'], message: `type ${show(v)}: an app is a microservice; a component is declared under spec.components`, why: 'no grant changes that' }); break;
      default:
        if (/^host[A-Z]/.test(key) || key === 'priorityClassName' || key === 'volumes' || key === 'volumeMounts') {
          out.push({ path: [key], message: `${key} is the platform's to set (host access, node priority and extra volumes are outside Pod Security restricted or other teams' share)` });
        }
    }
  }
  return out;
}
