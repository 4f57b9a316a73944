/** A claim written for the in-cluster operator's CRD still validates and renders. */
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { cli, type TempRepo, tempRepo } from '../support/repo.js';

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const OPERATOR_CLAIM = `apiVersion: platform.infraforge.io/v1
kind: ApplicationClaim
metadata:
  name: ecommerce-demo
  namespace: default
spec:
  environment: dev
  clusterType: nonprod
  owner:
    team: Ecommerce Team
    email: ecommerce@company.com
  applications:
    - name: api
      repository: Acme/Ecommerce-API
      version: v2.0.0
      replicas: 2
      resources:
        cpu: 500m
        memory: 1Gi
      ports:
        - name: http
          port: 8080
      healthCheck:
        path: /health
        port: 8080
        initialDelaySeconds: 30
        periodSeconds: 10
      env:
        - name: LOG_LEVEL
          value: debug
      autoscaling:
        enabled: true
        minReplicas: 2
        maxReplicas: 5
        targetCPU: 70
  components:
    - type: postgresql
      name: main-db
      version: "16"
      size: small
      config:
        maxConnections: "200"
status:
  phase: Ready
`;

describe('operator-era claims', () => {
  it('validate and render: repository → image, flat resources → requests, targetCPU, maxConnections', async () => {
    repo = tempRepo({ 'deployments/dev/ecommerce.yaml': OPERATOR_CLAIM });
    const r = await cli(repo.root, 'render');
    expect(r.code, r.stderr).toBe(0);
    const api = parse(repo.read('rendered/dev/ecommerce-demo/api/values.yaml'));
    expect(api.image).toMatchObject({ repository: 'ghcr.io/acme/ecommerce-api', tag: 'v2.0.0' });
    expect(api.resources.requests).toEqual({ cpu: '500m', memory: '1Gi' });
    expect(api.autoscaling).toMatchObject({ enabled: true, minReplicas: 2, maxReplicas: 5, targetCPUUtilizationPercentage: 70 });
    expect(api.labels['platform.infraforge.io/source-namespace']).toBe('default');
    const db = parse(repo.read('rendered/dev/ecommerce-demo/main-db/values.yaml'));
    expect(db.postgresql.parameters).toEqual({ max_connections: '200' });
  });

  it('a config key the chart would never read is an error naming it, not silently dropped', async () => {
    repo = tempRepo({ 'deployments/dev/ecommerce.yaml': OPERATOR_CLAIM.replace('        maxConnections: "200"', '        maxConnections: "200"\n        sharedBuffers: 1GB') });
    const r = await cli(repo.root, 'render');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^deployments\/dev\/ecommerce\.yaml:43:9: unknown field "sharedBuffers"/m);
  });

  it('operator-era config shapes of the other types are read into their new fields', async () => {
    const components = `    - type: rabbitmq
      name: events
      config:
        replicas: 3
        plugins: [rabbitmq_shovel]
        persistence:
          size: 8Gi
    - type: mongodb
      name: catalog
      config:
        replicas: 3
        storage: 20Gi
    - type: elasticsearch
      name: search
      config:
        replicas: 3
        storage: 30Gi
        heap: 512m
    - type: kafka
      name: stream
      config:
        brokers: 3
        storage: 40Gi
    - type: redis
      name: cache
      config:
        mode: standalone
        replicas: 1
        persistence: true
status:`;
    repo = tempRepo({ 'deployments/dev/ecommerce.yaml': OPERATOR_CLAIM.replace('status:', components) });
    const r = await cli(repo.root, 'render');
    expect(r.code, r.stderr).toBe(0);
    const read = (unit: string) => parse(repo.read(`rendered/dev/ecommerce-demo/${unit}/values.yaml`));
    expect(read('events').rabbitmq).toMatchObject({ replicas: 3, plugins: ['rabbitmq_shovel'], storage: { size: '8Gi' } });
    expect(read('catalog').mongodb).toMatchObject({ members: 3, storage: { size: '20Gi' } });
    expect(read('search').elasticsearch).toMatchObject({ count: 3, heap: '512m', storage: { size: '30Gi' } });
    expect(read('stream').kafka).toMatchObject({ brokers: 3, storage: { size: '40Gi' } });
    expect(read('cache').redis.persistence.enabled).toBe(true);
  });
});
