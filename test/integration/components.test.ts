/**
 * One claim with all six component types (test/fixtures/all-components), rendered for dev,
 * staging and prod and run through the real helm: every operator resource is checked against
 * its upstream CRD with strict field checking, the whole output against reviewed golden files
 * (test/fixtures/golden-components), and the app's wiring against the operators' own names.
 * The rendered values stay in the temp repository, so the same files can be fed to a
 * server-side dry-run.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { StatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import { CronJob } from 'kubernetes-models/batch/v1/CronJob';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { Service } from 'kubernetes-models/v1/Service';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { Role } from 'kubernetes-models/rbac.authorization.k8s.io/v1/Role';
import { RoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HELM, helm, helmTemplate, type K8sObject } from '../support/helm.js';
import { OPERATOR_CRDS, validateOperatorObject } from '../support/operator-crds.js';
import { cli, REPO_ROOT, type TempRepo, tempRepo } from '../support/repo.js';

const FIXTURE = path.join(REPO_ROOT, 'test/fixtures/all-components');
const GOLDEN = path.join(REPO_ROOT, 'test/fixtures/golden-components');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const ENVS = ['dev', 'staging', 'prod'] as const;
const UNITS = ['orders', 'orders-db', 'cache', 'events', 'catalog', 'search', 'stream'];
const CASES = ENVS.flatMap((env) => UNITS.map((unit) => [env, unit] as const));

const CORE: Record<string, new (o: any) => { validate(): void }> = { Deployment, StatefulSet, Service, ServiceAccount, HorizontalPodAutoscaler, PodDisruptionBudget, Role, RoleBinding, Job, CronJob };
const DATA_KINDS = ['Cluster', 'RabbitmqCluster', 'MongoDBCommunity', 'Elasticsearch', 'Kafka', 'KafkaNodePool', 'KafkaTopic'];

let repo: TempRepo;
const objectsOf = new Map<string, K8sObject[]>();
const valuesFile = (env: string, unit: string) => path.join(repo.root, `rendered/${env}/market/${unit}/values.yaml`);

async function objects(env: string, unit: string): Promise<K8sObject[]> {
  const key = `${env}/${unit}`;
  if (!objectsOf.has(key)) objectsOf.set(key, (await helmTemplate(valuesFile(env, unit), `market-${unit}`)).objects);
  return objectsOf.get(key)!;
}
const one = async (env: string, unit: string, kind: string) => (await objects(env, unit)).find((o) => o.kind === kind)!;

beforeAll(async () => {
  const files: Record<string, string> = {};
  for (const env of readdirSync(FIXTURE)) files[`deployments/${env}/market.yaml`] = readFileSync(path.join(FIXTURE, env, 'market.yaml'), 'utf8');
  repo = tempRepo(files);
  const r = await cli(repo.root, 'render');
  expect(r.code, r.stderr).toBe(0);
});
afterAll(() => repo.cleanup());

describe.skipIf(!HELM)('all six component types through charts/common', () => {
  it.each(CASES)('%s/%s: lints, templates to objects valid against their schemas, and matches the golden output', async (env, unit) => {
    await helm(['lint', '--strict', 'charts/common', '-f', valuesFile(env, unit)]);
    const { text, objects: objs } = await helmTemplate(valuesFile(env, unit), `market-${unit}`);
    expect(objs.length).toBeGreaterThan(0);
    for (const o of objs) {
      if (OPERATOR_CRDS[o.kind]) validateOperatorObject(o);
      else if (CORE[o.kind]) new CORE[o.kind]!(o).validate();
      else throw new Error(`unexpected kind ${o.kind}`);
      expect(o.metadata.labels?.['platform.infraforge.io/environment']).toBe(env);
      // Lifecycle: removing the component deletes its Application but never its data.
      const annotations = (o.metadata as { annotations?: Record<string, string> }).annotations ?? {};
      expect(annotations['argocd.argoproj.io/sync-options'] === 'Delete=false', `${o.kind} Delete=false`).toBe(DATA_KINDS.includes(o.kind));
    }
    expect(objs.map((o) => o.kind)).not.toContain('Secret');
    const golden = path.join(GOLDEN, env, `${unit}.yaml`);
    if (UPDATE) {
      mkdirSync(path.dirname(golden), { recursive: true });
      writeFileSync(golden, text);
    }
    expect(text).toBe(readFileSync(golden, 'utf8'));
  });

  it('the CRD check is strict: unknown fields, missing required ones and wrong apiVersions fail', async () => {
    const rabbit = structuredClone(await one('prod', 'events', 'RabbitmqCluster'));
    rabbit.spec.plugins = ['rabbitmq_shovel'];
    expect(() => validateOperatorObject(rabbit)).toThrow(/additional properties/);
    const pool = structuredClone(await one('prod', 'stream', 'KafkaNodePool'));
    delete pool.spec.roles;
    expect(() => validateOperatorObject(pool)).toThrow(/roles/);
    const kafka = structuredClone(await one('prod', 'stream', 'Kafka'));
    expect(() => validateOperatorObject({ ...kafka, apiVersion: 'kafka.strimzi.io/v1beta2' })).toThrow(/serves kafka\.strimzi\.io\/v1/);
  });

  it('replicated stores run one member in dev and three in staging and prod', async () => {
    for (const [env, n] of [['dev', 1], ['staging', 3], ['prod', 3]] as const) {
      expect((await one(env, 'events', 'RabbitmqCluster')).spec.replicas, env).toBe(n);
      expect((await one(env, 'catalog', 'MongoDBCommunity')).spec.members, env).toBe(n);
      expect((await one(env, 'search', 'Elasticsearch')).spec.nodeSets[0].count, env).toBe(n);
      expect((await one(env, 'stream', 'KafkaNodePool')).spec.replicas, env).toBe(n);
    }
    // PostgreSQL keeps its own profile instances (1, 2, 3) and the redis StatefulSet one replica.
    expect((await one('staging', 'orders-db', 'Cluster')).spec.instances).toBe(2);
    expect((await one('prod', 'cache', 'StatefulSet')).spec.replicas).toBe(1);
  });

  it('kafka is KRaft: one dual-role node pool bound to its cluster, replication sized to the brokers', async () => {
    for (const [env, rf, isr] of [['dev', 1, 1], ['prod', 3, 2]] as const) {
      const kafka = await one(env, 'stream', 'Kafka');
      const pool = await one(env, 'stream', 'KafkaNodePool');
      expect(kafka.spec.zookeeper).toBeUndefined();
      expect(pool.metadata.labels!['strimzi.io/cluster']).toBe(kafka.metadata.name);
      expect(pool.spec.roles).toEqual(['controller', 'broker']);
      expect(pool.spec.storage.volumes).toEqual([{ id: 0, type: 'persistent-claim', size: '30Gi', deleteClaim: false, kraftMetadata: 'shared' }]);
      expect(kafka.spec.kafka.listeners.find((l: any) => l.port === 9092)).toEqual({ name: 'plain', port: 9092, type: 'internal', tls: false });
      expect(kafka.spec.kafka.config).toEqual({
        'offsets.topic.replication.factor': rf,
        'transaction.state.log.replication.factor': rf,
        'transaction.state.log.min.isr': isr,
        'default.replication.factor': rf,
        'min.insync.replicas': isr,
      });
    }
  });

  it('type settings reach the resources: plugins, heap, version, storage, the MongoDB user', async () => {
    const rabbit = await one('prod', 'events', 'RabbitmqCluster');
    expect(rabbit.spec.rabbitmq.additionalPlugins).toEqual(['rabbitmq_shovel', 'rabbitmq_shovel_management']);
    expect(rabbit.spec.image).toBe('docker.io/library/rabbitmq:4.1.4-management');
    expect(rabbit.spec.persistence).toEqual({ storage: '5Gi' });
    const es = await one('prod', 'search', 'Elasticsearch');
    expect(es.spec.nodeSets[0].podTemplate.spec.containers[0].env).toEqual([{ name: 'ES_JAVA_OPTS', value: '-Xms2g -Xmx2g' }]);
    expect(es.spec.nodeSets[0].resources.limits.memory).toBe('4Gi'); // size: medium
    const mongo = await one('prod', 'catalog', 'MongoDBCommunity');
    expect(mongo.spec.version).toBe('8.0.12');
    expect(mongo.spec.users[0]).toMatchObject({
      name: 'app',
      db: 'admin',
      passwordSecretRef: { name: 'catalog-app-password', key: 'password' },
      roles: [{ name: 'readWrite', db: 'catalog' }],
      connectionStringSecretName: 'catalog-admin-app',
    });
    expect(mongo.spec.statefulSet.spec.volumeClaimTemplates[0].spec).toMatchObject({ storageClassName: 'gp3', resources: { requests: { storage: '20Gi' } } });
    // Its pods run as a ServiceAccount the same release makes in the same namespace.
    const account = mongo.spec.statefulSet.spec.template.spec.serviceAccountName;
    const binding = await one('prod', 'catalog', 'RoleBinding');
    expect((await one('prod', 'catalog', 'ServiceAccount')).metadata.name).toBe(account);
    expect(binding.subjects).toEqual([{ kind: 'ServiceAccount', name: account }]);
    expect((binding.roleRef as { name: string }).name).toBe((await one('prod', 'catalog', 'Role')).metadata.name);
  });

  it('the app reads every connection from the operators\' Secrets and Services, never a credential', async () => {
    const deploy = await one('prod', 'orders', 'Deployment');
    const env = deploy.spec.template.spec.containers[0].env as { name: string; value?: string; valueFrom?: unknown }[];
    const ref = (name: string, key: string) => ({ valueFrom: { secretKeyRef: { name, key } } });
    const byName = Object.fromEntries(env.map((e) => [e.name, e.value ?? e.valueFrom]));
    expect(byName).toEqual({
      LOG_LEVEL: 'info',
      DATABASE_URL: ref('orders-db-app', 'uri').valueFrom,
      ORDERS_DB_DATABASE_URL: ref('orders-db-app', 'uri').valueFrom,
      // <NAME>_HOST/_PORT/_URL: the Service each operator creates and its client port (CNPG's read-write Service)
      ORDERS_DB_HOST: 'orders-db-rw',
      ORDERS_DB_PORT: '5432',
      ORDERS_DB_URL: ref('orders-db-app', 'uri').valueFrom,
      REDIS_URL: 'redis://cache:6379',
      CACHE_REDIS_URL: 'redis://cache:6379',
      CACHE_HOST: 'cache',
      CACHE_PORT: '6379',
      CACHE_URL: 'redis://cache:6379',
      RABBITMQ_URL: ref('events-default-user', 'connection_string').valueFrom,
      EVENTS_RABBITMQ_URL: ref('events-default-user', 'connection_string').valueFrom,
      EVENTS_RABBITMQ_HOST: ref('events-default-user', 'host').valueFrom,
      EVENTS_RABBITMQ_PORT: ref('events-default-user', 'port').valueFrom,
      EVENTS_HOST: 'events',
      EVENTS_PORT: '5672',
      EVENTS_URL: ref('events-default-user', 'connection_string').valueFrom,
      MONGODB_URI: ref('catalog-admin-app', 'connectionString.standard').valueFrom,
      CATALOG_MONGODB_URI: ref('catalog-admin-app', 'connectionString.standard').valueFrom,
      CATALOG_HOST: 'catalog-svc',
      CATALOG_PORT: '27017',
      CATALOG_URL: ref('catalog-admin-app', 'connectionString.standard').valueFrom,
      ELASTICSEARCH_URL: 'https://search-es-http:9200',
      ELASTICSEARCH_USERNAME: 'elastic',
      ELASTICSEARCH_PASSWORD: ref('search-es-elastic-user', 'elastic').valueFrom,
      ELASTICSEARCH_CA_CERT: ref('search-es-http-certs-public', 'ca.crt').valueFrom,
      SEARCH_ELASTICSEARCH_URL: 'https://search-es-http:9200',
      SEARCH_ELASTICSEARCH_USERNAME: 'elastic',
      SEARCH_ELASTICSEARCH_PASSWORD: ref('search-es-elastic-user', 'elastic').valueFrom,
      SEARCH_ELASTICSEARCH_CA_CERT: ref('search-es-http-certs-public', 'ca.crt').valueFrom,
      SEARCH_HOST: 'search-es-http',
      SEARCH_PORT: '9200',
      SEARCH_URL: 'https://search-es-http:9200',
      KAFKA_BOOTSTRAP_SERVERS: 'stream-kafka-bootstrap:9092',
      STREAM_KAFKA_BOOTSTRAP_SERVERS: 'stream-kafka-bootstrap:9092',
      STREAM_HOST: 'stream-kafka-bootstrap',
      STREAM_PORT: '9092',
      STREAM_URL: 'kafka://stream-kafka-bootstrap:9092',
    });
    // Names the operators create: each wired Secret is one the CR above makes (or, for MongoDB, references).
    expect((await one('prod', 'catalog', 'MongoDBCommunity')).spec.users[0].connectionStringSecretName).toBe('catalog-admin-app');
    for (const env of ENVS) {
      for (const unit of UNITS) {
        const values = parse(readFileSync(valuesFile(env, unit), 'utf8'));
        expect(JSON.stringify(values)).not.toMatch(/"(password|secret|token)"\s*:\s*"[^"]*[^"]"/i);
      }
    }
  });
});
