/** The pure core: claim + profile + settings → values, with no disk or network. */
import { describe, expect, it } from 'vitest';
import { TEST_SETTINGS } from '../support/render-settings.js';
import type { ApplicationClaim, ApplicationSpec } from '../../src/claims/types.js';
import { BUILTIN_PROFILES, resolveProfile } from '../../src/render/profiles.js';
import { componentValues } from '../../src/render/component-values.js';
import { applicationValues, mergeResources, parseImage } from '../../src/render/values.js';

const settings = TEST_SETTINGS;

function claimWith(app: Partial<ApplicationSpec>, components: ApplicationClaim['spec']['components'] = []): ApplicationClaim {
  return {
    apiVersion: 'platform.infraforge.io/v1',
    kind: 'ApplicationClaim',
    metadata: { name: 'shop' },
    spec: {
      environment: 'dev',
      owner: { team: 'Shop Team', email: 'shop@example.com' },
      applications: [{ name: 'api', version: '1.0.0', ...app }],
      components,
    },
  };
}

function values(app: Partial<ApplicationSpec>, env: keyof typeof BUILTIN_PROFILES = 'dev', components: ApplicationClaim['spec']['components'] = []) {
  const claim = claimWith(app, components);
  return applicationValues(claim, claim.spec.applications[0]!, BUILTIN_PROFILES[env], settings) as Record<string, any>;
}

describe('probes come from the claim, not from a hard-coded /health on 8080', () => {
  it('uses healthCheck path, port and timings for liveness and readiness', () => {
    const v = values({ ports: [{ name: 'http', port: 3000 }], healthCheck: { path: '/api/ready', port: 3000, initialDelaySeconds: 42, periodSeconds: 7 } });
    for (const probe of [v.probes.liveness, v.probes.readiness]) {
      expect(probe.httpGet).toEqual({ path: '/api/ready', port: 3000 });
      expect(probe.initialDelaySeconds).toBe(42);
      expect(probe.periodSeconds).toBe(7);
    }
  });

  it('falls back to a TCP check on the first declared port, and to none without ports', () => {
    expect(values({ ports: [{ port: 9000 }] }).probes.liveness.tcpSocket).toEqual({ port: 9000 });
    expect(values({}).probes).toEqual({});
  });
});

describe('images', () => {
  it('serviceName resolves with the owner from settings', () => {
    expect(values({ serviceName: 'checkout' }).image.repository).toBe('ghcr.io/acme/checkout');
    const other = applicationValues(claimWith({ serviceName: 'checkout' }), { name: 'api', version: '1', serviceName: 'checkout' }, BUILTIN_PROFILES.dev, { ...settings, image: { registry: 'registry.example.com', owner: 'other' } }) as Record<string, any>;
    expect(other.image.repository).toBe('registry.example.com/other/checkout');
  });

  it('splits repo:tag@digest, ports included', () => {
    expect(parseImage('registry:5000/team/app:1.2@sha256:' + 'a'.repeat(64))).toEqual({ repository: 'registry:5000/team/app', tag: '1.2', digest: 'sha256:' + 'a'.repeat(64), pullPolicy: undefined });
    expect(parseImage('registry:5000/team/app')).toMatchObject({ repository: 'registry:5000/team/app', tag: undefined });
  });

  it('version is the tag when the image carries none', () => {
    expect(values({ image: 'nginx', version: '1.27' }).image).toMatchObject({ repository: 'nginx', tag: '1.27' });
  });
});

describe('resources', () => {
  it('explicit claim values beat the profile field by field', () => {
    const r = mergeResources(BUILTIN_PROFILES.prod.resources, { requests: { cpu: '3' } });
    expect(r.requests).toEqual({ cpu: '3', memory: '512Mi' });
    // the profile limit (2) would be below the request: it is lifted, not left invalid
    expect(r.limits).toEqual({ cpu: '3', memory: '2Gi' });
  });

  it('accepts the operator-era flat form as requests', () => {
    expect(mergeResources(BUILTIN_PROFILES.dev.resources, { cpu: '250m', memory: 1024 }).requests).toEqual({ cpu: '250m', memory: '1024' });
  });
});

describe('profiles', () => {
  it('prod enables autoscaling and a PodDisruptionBudget; the floor raises a default, never an explicit value', () => {
    const v = values({}, 'prod');
    expect(v.replicas).toBe(3);
    expect(v.autoscaling).toMatchObject({ enabled: true, minReplicas: 3, maxReplicas: 9 });
    expect(v.podDisruptionBudget.enabled).toBe(true);
    const claim = claimWith({});
    const lowDefault = resolveProfile('prod', { prod: { replicas: { default: 1 } } });
    expect(applicationValues(claim, claim.spec.applications[0]!, lowDefault, settings).replicas).toBe(2);
    // An explicit value below the floor is refused by validation (replicas.ts), not raised here.
    expect(values({ replicas: 1 }, 'prod').replicas).toBe(1);
  });

  it('dev keeps what the claim asks', () => {
    const v = values({ replicas: 1 });
    expect(v.replicas).toBe(1);
    expect(v.podDisruptionBudget.enabled).toBe(false);
  });
});

describe('wiring', () => {
  it('a used postgresql gives DATABASE_URL from <db>-app/uri; a used redis gives REDIS_URL; no credentials', () => {
    const v = values({ uses: ['db', 'cache'] }, 'dev', [
      { type: 'postgresql', name: 'db' },
      { type: 'redis', name: 'cache', config: { auth: { existingSecret: 'cache-auth' } } },
    ]);
    const env = Object.fromEntries((v.env as { name: string }[]).map((e) => [e.name, e]));
    expect(env.DATABASE_URL).toEqual({ name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: 'db-app', key: 'uri' } } });
    expect(env.CACHE_REDIS_PASSWORD).toEqual({ name: 'CACHE_REDIS_PASSWORD', valueFrom: { secretKeyRef: { name: 'cache-auth', key: 'password' } } });
    expect(env.REDIS_URL).toEqual({ name: 'REDIS_URL', value: 'redis://:$(CACHE_REDIS_PASSWORD)@cache:6379' });
  });

  it('an app that sets DATABASE_URL itself keeps it', () => {
    const v = values({ uses: ['db'], env: [{ name: 'DATABASE_URL', value: 'postgres://elsewhere' }] }, 'dev', [{ type: 'postgresql', name: 'db' }]);
    const urls = (v.env as { name: string; value?: string }[]).filter((e) => e.name === 'DATABASE_URL');
    expect(urls).toEqual([{ name: 'DATABASE_URL', value: 'postgres://elsewhere' }]);
  });

  // Each operator's Service and client port, from its docs: CNPG <name>-rw:5432, our Redis <name>:6379,
  // RabbitMQ <name>:5672 (AMQP), MongoDB Community <name>-svc:27017, ECK <name>-es-http:9200, Strimzi <name>-kafka-bootstrap:9092.
  it.each([
    ['postgresql', 'db', 'db-rw', '5432', { valueFrom: { secretKeyRef: { name: 'db-app', key: 'uri' } } }],
    ['redis', 'cache', 'cache', '6379', { value: 'redis://cache:6379' }],
    ['rabbitmq', 'broker', 'broker', '5672', { valueFrom: { secretKeyRef: { name: 'broker-default-user', key: 'connection_string' } } }],
    ['mongodb', 'docs', 'docs-svc', '27017', { valueFrom: { secretKeyRef: { name: 'docs-admin-app', key: 'connectionString.standard' } } }],
    ['elasticsearch', 'search', 'search-es-http', '9200', { value: 'https://search-es-http:9200' }],
    ['kafka', 'event-bus', 'event-bus-kafka-bootstrap', '9092', { value: 'kafka://event-bus-kafka-bootstrap:9092' }],
  ] as const)('a used %s gives <NAME>_HOST, _PORT and _URL, as a used application does', (type, name, host, port, url) => {
    const v = values({ uses: [name] }, 'dev', [{ type, name }]);
    const p = name.toUpperCase().replace(/-/g, '_');
    const env = (v.env as { name: string }[]).filter((e) => [`${p}_HOST`, `${p}_PORT`, `${p}_URL`].includes(e.name));
    expect(env).toEqual([
      { name: `${p}_HOST`, value: host },
      { name: `${p}_PORT`, value: port },
      { name: `${p}_URL`, ...url },
    ]);
  });

  it("a redis with a password: <NAME>_URL carries it by reference, after the variable it references", () => {
    const v = values({ uses: ['cache'] }, 'dev', [{ type: 'redis', name: 'cache', config: { auth: { existingSecret: 'cache-auth' } } }]);
    const names = (v.env as { name: string }[]).map((e) => e.name);
    expect(v.env).toContainEqual({ name: 'CACHE_URL', value: 'redis://:$(CACHE_REDIS_PASSWORD)@cache:6379' });
    expect(names.indexOf('CACHE_URL')).toBeGreaterThan(names.indexOf('CACHE_REDIS_PASSWORD'));
  });

  it('a component named after its type gives the shared name once, with one value', () => {
    const v = values({ uses: ['redis'] }, 'dev', [{ type: 'redis', name: 'redis' }]);
    expect((v.env as { name: string }[]).filter((e) => e.name === 'REDIS_URL')).toEqual([{ name: 'REDIS_URL', value: 'redis://redis:6379' }]);
  });

  it('the values escape hatch is merged last', () => {
    const v = values({ replicas: 2, values: { replicas: 5, ingress: { enabled: true } } });
    expect(v.replicas).toBe(5);
    expect(v.ingress).toEqual({ enabled: true });
  });
});

describe('components', () => {
  it('postgresql: instances from the profile, version → CNPG image, size preset storage', () => {
    const claim = claimWith({}, []);
    const v = componentValues(claim, { type: 'postgresql', name: 'db', version: '16', size: 'medium' }, BUILTIN_PROFILES.prod) as Record<string, any>;
    expect(v.postgresql).toMatchObject({ instances: 3, imageName: 'ghcr.io/cloudnative-pg/postgresql:16', storage: { size: '50Gi' } });
    expect(v.type).toBe('postgresql');
  });

  it('redis: a password only by reference', () => {
    const v = componentValues(claimWith({}), { type: 'redis', name: 'cache', config: { auth: { existingSecret: 's', key: 'k' } } }, BUILTIN_PROFILES.dev) as Record<string, any>;
    expect(v.redis.auth).toEqual({ enabled: true, existingSecret: 's', key: 'k' });
  });
});

describe('uses: an application of the same claim, servicePort, command and args', () => {
  const claim: ApplicationClaim = {
    apiVersion: 'platform.infraforge.io/v1',
    kind: 'ApplicationClaim',
    metadata: { name: 'boutique' },
    spec: {
      environment: 'dev',
      owner: { team: 'Shop Team', email: 'shop@example.com' },
      applications: [
        {
          name: 'frontend',
          version: '1',
          command: ['/app/server'],
          args: ['--catalog', '$(PRODUCT_CATALOG_HOST)'],
          ports: [{ name: 'http', port: 8080, servicePort: 80 }],
          env: [{ name: 'PRODUCT_CATALOG_SERVICE_ADDR', value: '$(PRODUCT_CATALOG_HOST):$(PRODUCT_CATALOG_PORT)' }],
          uses: ['product-catalog'],
        },
        { name: 'product-catalog', version: '1', ports: [{ name: 'grpc', port: 3550 }] },
      ],
    },
  };
  const v = applicationValues(claim, claim.spec.applications[0]!, BUILTIN_PROFILES.dev, settings) as Record<string, any>;

  it('wires <APP>_HOST, _PORT and _URL before the value that references them', () => {
    expect(v.env).toEqual([
      { name: 'PRODUCT_CATALOG_HOST', value: 'product-catalog' },
      { name: 'PRODUCT_CATALOG_PORT', value: '3550' },
      // as early as what it references allows: the claim's order is kept where it can be
      { name: 'PRODUCT_CATALOG_SERVICE_ADDR', value: '$(PRODUCT_CATALOG_HOST):$(PRODUCT_CATALOG_PORT)' },
      { name: 'PRODUCT_CATALOG_URL', value: 'http://product-catalog:3550' },
    ]);
  });

  it('a used app is reached on its servicePort', () => {
    const other = { ...claim, spec: { ...claim.spec, applications: [{ ...claim.spec.applications[1]!, uses: ['frontend'] }, claim.spec.applications[0]!] } };
    const w = applicationValues(other, other.spec.applications[0]!, BUILTIN_PROFILES.dev, settings) as Record<string, any>;
    expect(w.env).toContainEqual({ name: 'FRONTEND_URL', value: 'http://frontend:80' });
  });

  it('carries servicePort, command and args as written', () => {
    expect(v.ports).toEqual([{ name: 'http', port: 8080, servicePort: 80, protocol: 'TCP' }]);
    expect([v.command, v.args]).toEqual([['/app/server'], ['--catalog', '$(PRODUCT_CATALOG_HOST)']]);
  });
});

describe('ingress, volumes, topology spread and the IAM annotation', () => {
  it('an ingress goes to the Service port, with cert-manager making <app>-tls', () => {
    const v = values({ ports: [{ name: 'http', port: 8080, servicePort: 80 }], ingress: { hosts: ['shop.example.com'], className: 'nginx', tls: { clusterIssuer: 'letsencrypt' } } });
    expect(v.ingress).toEqual({ enabled: true, hosts: ['shop.example.com'], paths: ['/'], port: 80, className: 'nginx', tlsSecretName: 'api-tls', annotations: { 'cert-manager.io/cluster-issuer': 'letsencrypt' } });
  });

  it('volumes are scratch space or config files, as written', () => {
    const v = values({ volumes: [{ name: 'cache', mountPath: '/cache', emptyDir: { sizeLimit: '1Gi' } }, { name: 'conf', mountPath: '/etc/app', files: { 'app.ini': 'x=1\n' } }] });
    expect(v.volumes).toEqual([
      { name: 'cache', mountPath: '/cache', emptyDir: { sizeLimit: '1Gi' } },
      { name: 'conf', mountPath: '/etc/app', files: { 'app.ini': 'x=1\n' } },
    ]);
  });

  it('prod spreads pods over zones and nodes by default; a claim or a singleton turns it off', () => {
    expect(values({}, 'prod').topologySpread).toBe(true);
    expect(values({}, 'dev').topologySpread).toBeUndefined();
    expect(values({ topologySpread: false }, 'prod').topologySpread).toBeUndefined();
    expect(values({ topologySpread: true }, 'dev').topologySpread).toBe(true);
    expect(values({ singleton: true }, 'prod').topologySpread).toBeUndefined();
  });

  it('metrics: the ServiceMonitor names the Service port by the name the Service gives it', () => {
    const ports = [{ name: 'http', port: 8080 }, { port: 9090 }];
    expect(values({ ports, metrics: { port: 9090 } }).metrics).toEqual({ enabled: true, port: 'tcp-9090', path: '/metrics' });
    expect(values({ ports, metrics: { port: 8080, path: '/stats', interval: '1m30s' } }).metrics).toEqual({ enabled: true, port: 'http', path: '/stats', interval: '1m30s' });
    expect(values({ ports, metrics: { port: 'http' } }).metrics).toEqual({ enabled: true, port: 'http', path: '/metrics' });
    expect(values({ ports }).metrics).toBeUndefined();
  });

  it('a cloud IAM identity is a ServiceAccount annotation', () => {
    expect(values({ serviceAccount: { annotations: { 'iam.gke.io/gcp-service-account': 'shop@p.iam.gserviceaccount.com' } } }).serviceAccount).toEqual({ annotations: { 'iam.gke.io/gcp-service-account': 'shop@p.iam.gserviceaccount.com' } });
  });
});
