/**
 * The contract between the renderer and charts/common, both ways:
 * - every value the renderer writes is read by some template (or nothing a claim says is
 *   silently dropped on the way to the manifest);
 * - every value a template reads is declared in values.schema.json, and for a component the
 *   renderer is the only writer (components have no `values:` escape hatch), so every
 *   component value a template reads is one the renderer writes.
 * Reads are found in the template text: `.Values.a.b`, and `$x.a.b` where `$x := .Values.a`.
 * An alias definition alone is not a read; reading a map or list (range, toYaml, include)
 * reads everything below it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApplicationClaim, ComponentSpec } from '../../src/claims/types.js';
import { componentValues } from '../../src/render/component-values.js';
import { BUILTIN_PROFILES } from '../../src/render/profiles.js';
import { applicationValues } from '../../src/render/values.js';
import { TEST_SETTINGS } from '../support/render-settings.js';
import { REPO_ROOT } from '../support/repo.js';

const CHART = path.join(REPO_ROOT, 'charts/common');
const COMPONENT_KEYS = ['postgresql', 'redis', 'rabbitmq', 'mongodb', 'elasticsearch', 'kafka'];

/** Dotted paths the templates read. */
export function templateReads(texts: string[]): Set<string> {
  const reads = new Set<string>();
  for (const text of texts) {
    const aliases = new Map<string, string>();
    for (const m of text.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)\s*:=\s*\.Values((?:\.[A-Za-z_][A-Za-z0-9_]*)+)\s*\}\}/g)) aliases.set(m[1]!, m[2]!.slice(1));
    const withoutDefinitions = text.replace(/\$[A-Za-z_][A-Za-z0-9_]*\s*:=\s*\.Values(?:\.[A-Za-z_][A-Za-z0-9_]*)+\s*\}\}/g, '}}');
    for (const m of withoutDefinitions.matchAll(/\.Values((?:\.[A-Za-z_][A-Za-z0-9_]*)+)/g)) reads.add(m[1]!.slice(1));
    for (const m of withoutDefinitions.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)((?:\.[A-Za-z_][A-Za-z0-9_]*)*)/g)) {
      const base = aliases.get(m[1]!);
      if (base) reads.add(`${base}${m[2]}`);
    }
  }
  return reads;
}

/** Leaf paths of a values document; list items are looked into and written as `[]`. */
function leafPaths(node: unknown, prefix = ''): string[] {
  if (Array.isArray(node)) return node.length === 0 ? [prefix] : node.flatMap((item) => leafPaths(item, `${prefix}[]`));
  if (node !== null && typeof node === 'object') {
    const entries = Object.entries(node);
    if (entries.length === 0) return [prefix];
    return entries.flatMap(([k, v]) => leafPaths(v, prefix ? `${prefix}.${k}` : k));
  }
  return [prefix];
}

const isReadBy = (written: string, reads: Set<string>): boolean => {
  const parts = written.replace(/\[\]/g, '').split('.');
  for (let i = parts.length; i > 0; i--) if (reads.has(parts.slice(0, i).join('.'))) return true;
  return false;
};

function declaredInSchema(schema: any, dotted: string): boolean {
  let node = schema;
  for (const key of dotted.split('.')) {
    while (node?.$ref) node = node.$ref.split('/').slice(1).reduce((n: any, k: string) => n[k], schema);
    if (node?.additionalProperties && typeof node.additionalProperties === 'object' && !node.properties?.[key]) return true; // a map: any key
    if (!node?.properties?.[key]) return node?.type === 'object' && node.additionalProperties === undefined && node.properties === undefined;
    node = node.properties[key];
  }
  return true;
}

const settings = { ...TEST_SETTINGS, externalSecrets: { store: 'vault', kind: 'SecretStore' as const, refreshInterval: '5m', keyPrefix: 'teams/{team}/' } };

/** Every optional field the claim format has, so every value the renderer can write is written. */
const COMPONENTS: ComponentSpec[] = [
  { type: 'postgresql', name: 'db', version: '16', size: 'small', storage: { size: '5Gi', storageClass: 'gp3' }, resources: { limits: { memory: '2Gi' } }, config: { database: 'shop', owner: 'shop', parameters: { work_mem: '8MB' }, monitoring: true, backup: { destinationPath: 's3://b/p', retentionPolicy: '7d', inheritFromIAMRole: false, schedule: '0 3 * * *' } } },
  { type: 'redis', name: 'cache', version: '7.4', storage: { size: '2Gi', storageClass: 'gp3' }, config: { persistence: true, auth: { existingSecret: 'cache-auth', key: 'pw' }, maxmemoryPolicy: 'allkeys-lru' } },
  { type: 'rabbitmq', name: 'queue', version: '4.1.4', replicas: 3, storage: { size: '5Gi', storageClass: 'gp3' }, plugins: ['rabbitmq_shovel'] },
  { type: 'mongodb', name: 'docs', version: '8.0.12', replicas: 3, storage: { size: '5Gi', storageClass: 'gp3' }, config: { database: 'docs', auth: { existingSecret: 'docs-pw', key: 'pw' } } },
  { type: 'elasticsearch', name: 'search', version: '9.1.0', replicas: 3, size: 'medium', heap: '1g', storage: { size: '5Gi', storageClass: 'gp3' } },
  { type: 'kafka', name: 'stream', version: '4.1.0', brokers: 3, storage: { size: '5Gi', storageClass: 'gp3' }, topics: [{ name: 'orders', partitions: 3, replicas: 3, config: { 'retention.ms': 1000 } }] },
];

const CLAIM: ApplicationClaim = {
  apiVersion: 'platform.infraforge.io/v1',
  kind: 'ApplicationClaim',
  metadata: { name: 'shop', namespace: 'legacy', labels: { tier: 'web' } },
  spec: {
    environment: 'prod',
    owner: { team: 'Shop', email: 'shop@example.com' },
    applications: [
      {
        name: 'api',
        image: { repository: 'ghcr.io/acme/api', tag: '1.0.0', digest: `sha256:${'a'.repeat(64)}`, pullPolicy: 'Always' },
        version: '1.0.0',
        ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
        healthCheck: { path: '/healthz', port: 8080, initialDelaySeconds: 5, periodSeconds: 5, timeoutSeconds: 2, failureThreshold: 4 },
        env: [{ name: 'A', value: 'x' }, { name: 'B', valueFrom: { secretKeyRef: { name: 's', key: 'k', optional: true } } }, { name: 'C', valueFrom: { configMapKeyRef: { name: 'c', key: 'k' } } }],
        autoscaling: { enabled: true, minReplicas: 2, maxReplicas: 4, targetCPUUtilizationPercentage: 60, targetMemoryUtilizationPercentage: 70 },
        uses: COMPONENTS.map((c) => c.name),
        secrets: [{ name: 'stripe', env: [{ name: 'STRIPE_KEY', key: 'stripe', property: 'api-key' }] }],
        jobs: [{ name: 'migrate', hook: 'PreSync', command: ['m'], args: ['a'], env: [{ name: 'A', value: 'y' }], resources: { limits: { memory: '1Gi' } }, backoffLimit: 2, activeDeadlineSeconds: 60 }],
        cronJobs: [{ name: 'nightly', schedule: '0 3 * * *', timeZone: 'Europe/Berlin', concurrencyPolicy: 'Replace', suspend: true, command: ['n'], args: ['b'], env: [{ name: 'D', value: 'z' }], resources: { requests: { cpu: '1' } }, backoffLimit: 0, activeDeadlineSeconds: 30 }],
      },
      {
        name: 'web',
        image: 'ghcr.io/acme/web:2.0.0',
        version: '2.0.0',
        command: ['/bin/web'],
        args: ['--api', '$(API_URL)'],
        ports: [{ name: 'http', port: 8080, servicePort: 80 }, { name: 'grpc', port: 9090 }],
        probes: {
          liveness: { grpc: { port: 9090, service: 'web' } },
          readiness: { http: { path: '/ready', headers: [{ name: 'X-Probe', value: 'r' }] } },
          startup: { exec: { command: ['cat', '/tmp/up'] } },
        },
        securityContext: { runAsUser: 1000, runAsGroup: 1000 },
        singleton: true,
        ingress: { hosts: ['shop.example.com'], paths: ['/'], className: 'nginx', tls: { clusterIssuer: 'letsencrypt' } },
        volumes: [{ name: 'scratch', mountPath: '/scratch', emptyDir: { sizeLimit: '1Gi', medium: 'Memory' } }, { name: 'conf', mountPath: '/etc/web', files: { 'web.yaml': 'a: 1\n' } }],
        topologySpread: true,
        serviceAccount: { annotations: { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::1:role/web' } },
        uses: ['api'],
      },
    ],
    components: COMPONENTS,
  },
};

function rendererOutputs(): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const profile of Object.values(BUILTIN_PROFILES)) {
    for (const app of CLAIM.spec.applications) out.push(applicationValues(CLAIM, app, profile, settings));
    for (const c of COMPONENTS) out.push(componentValues(CLAIM, c, profile));
  }
  return out;
}

describe('renderer ↔ charts/common values', () => {
  const templates = readdirSync(path.join(CHART, 'templates')).map((f) => readFileSync(path.join(CHART, 'templates', f), 'utf8'));
  const reads = templateReads(templates);
  const schema = JSON.parse(readFileSync(path.join(CHART, 'values.schema.json'), 'utf8'));
  const written = new Set(rendererOutputs().flatMap((v) => leafPaths(v)));

  it('finds the reads it should (the scanner itself works)', () => {
    expect(reads).toContain('rabbitmq.plugins');
    expect(reads).toContain('kafka.storage.size');
    expect(reads).toContain('labels');
    expect(reads).not.toContain('rabbitmq'); // `$r := .Values.rabbitmq` defines, it does not read
    expect(isReadBy('rabbitmq.plugins[]', reads)).toBe(true);
    expect(isReadBy('rabbitmq.colour', reads)).toBe(false);
    expect(declaredInSchema(schema, 'mongodb.passwordSecret.name')).toBe(true);
    expect(declaredInSchema(schema, 'mongodb.passwordSecret.nmae')).toBe(false);
  });

  it('every value the renderer writes is read by a template', () => {
    expect(written.size).toBeGreaterThan(80);
    expect([...written].filter((w) => !isReadBy(w, reads)).sort()).toEqual([]);
  });

  it('every value a template reads is declared in values.schema.json', () => {
    expect([...reads].filter((r) => !declaredInSchema(schema, r)).sort()).toEqual([]);
  });

  it('every component value a template reads is one the renderer writes', () => {
    const writtenPaths = [...written].map((w) => w.replace(/\[\]/g, ''));
    const unwritten = [...reads].filter((r) => COMPONENT_KEYS.includes(r.split('.')[0]!) && !writtenPaths.some((w) => w === r || w.startsWith(`${r}.`)));
    expect(unwritten.sort()).toEqual([]);
  });
});
