/**
 * Claim edits and what each does to stored data, as the README's "Data safety" table says and
 * the operators' rules (cited in src/safety/rules.ts) decide. Each case is one component line
 * before and after, in a claim of `env` (default staging: several members, no quorum floor).
 * Shared by test/integration/data-safety.test.ts (the classification),
 * test/e2e/data-safety.e2e.test.ts (the API server's judgement of the same objects) and
 * test/e2e/webhooks.e2e.test.ts (the operators' webhooks' judgement: postgresql and elasticsearch).
 */
export interface SafetyCase {
  name: string;
  env?: string;
  base: string;
  head: string;
  /** change → class (and who refuses), in the order the comment lists them. */
  expect: { change: string; class: string; by?: 'api-server' | 'operator' }[];
}

const R = (change: string, by: 'api-server' | 'operator') => ({ change, class: 'refused after merge', by });
const C = (change: string, cls: string) => ({ change, class: cls });

export const IN_PLACE_CASES: SafetyCase[] = [
  // redis: a StatefulSet of ours; its volume claim template is immutable.
  { name: 'redis storage grows', base: '{ type: redis, name: cache, storage: 1Gi }', head: '{ type: redis, name: cache, storage: 2Gi }', expect: [R('storage-grow', 'api-server')] },
  { name: 'redis storage shrinks', base: '{ type: redis, name: cache, storage: 2Gi }', head: '{ type: redis, name: cache, storage: 1Gi }', expect: [R('storage-shrink', 'api-server')] },
  { name: 'redis storage class changes', base: '{ type: redis, name: cache, storage: { size: 1Gi, storageClass: gp2 } }', head: '{ type: redis, name: cache, storage: { size: 1Gi, storageClass: gp3 } }', expect: [R('storage-class', 'api-server')] },
  { name: 'redis persistence turned off', base: '{ type: redis, name: cache }', head: '{ type: redis, name: cache, config: { persistence: false } }', expect: [R('persistence-off', 'api-server')] },
  { name: 'redis persistence turned on', base: '{ type: redis, name: cache, config: { persistence: false } }', head: '{ type: redis, name: cache }', expect: [R('persistence-on', 'api-server')] },
  { name: 'redis version up', base: '{ type: redis, name: cache, version: "7.2" }', head: '{ type: redis, name: cache, version: "7.4" }', expect: [C('version-upgrade', 'downtime')] },
  { name: 'redis eviction policy', base: '{ type: redis, name: cache }', head: '{ type: redis, name: cache, config: { maxmemoryPolicy: allkeys-lru } }', expect: [C('restart', 'downtime')] },
  // postgresql (CloudNativePG)
  { name: 'postgresql major up', base: '{ type: postgresql, name: db, version: "16" }', head: '{ type: postgresql, name: db, version: "17" }', expect: [C('major-upgrade', 'downtime')] },
  { name: 'postgresql major down', base: '{ type: postgresql, name: db, version: "17" }', head: '{ type: postgresql, name: db, version: "16" }', expect: [R('major-downgrade', 'operator')] },
  { name: 'postgresql major up to below 16', base: '{ type: postgresql, name: db, version: "14" }', head: '{ type: postgresql, name: db, version: "15" }', expect: [R('major-upgrade', 'operator')] },
  { name: 'postgresql major down, minor versions', base: '{ type: postgresql, name: db, version: "17.5" }', head: '{ type: postgresql, name: db, version: "16.9" }', expect: [R('major-downgrade', 'operator')] },
  { name: 'postgresql minor down', base: '{ type: postgresql, name: db, version: "17.5" }', head: '{ type: postgresql, name: db, version: "17.4" }', expect: [C('version-change', 'rolling restart')] },
  { name: 'postgresql minor update', base: '{ type: postgresql, name: db, version: "17.4" }', head: '{ type: postgresql, name: db, version: "17.5" }', expect: [C('version-change', 'rolling restart')] },
  { name: 'postgresql storage shrinks', base: '{ type: postgresql, name: db, storage: 20Gi }', head: '{ type: postgresql, name: db, storage: 10Gi }', expect: [R('storage-shrink', 'operator')] },
  { name: 'postgresql storage grows', base: '{ type: postgresql, name: db, storage: 10Gi }', head: '{ type: postgresql, name: db, storage: 20Gi }', expect: [C('storage-grow', 'safe')] },
  { name: 'postgresql storage class changes', base: '{ type: postgresql, name: db, storage: { size: 10Gi, storageClass: gp2 } }', head: '{ type: postgresql, name: db, storage: { size: 10Gi, storageClass: gp3 } }', expect: [C('storage-class', 'safe')] },
  { name: 'postgresql scales up', base: '{ type: postgresql, name: db, replicas: 2 }', head: '{ type: postgresql, name: db, replicas: 3 }', expect: [C('scale-up', 'safe')] },
  { name: 'postgresql scales down', base: '{ type: postgresql, name: db, replicas: 3 }', head: '{ type: postgresql, name: db, replicas: 2 }', expect: [C('scale-down', 'safe')] },
  { name: 'postgresql resources (2 instances)', base: '{ type: postgresql, name: db, resources: { cpu: 500m, memory: 1Gi } }', head: '{ type: postgresql, name: db, resources: { cpu: "1", memory: 1Gi } }', expect: [C('restart', 'rolling restart')] },
  { name: 'postgresql resources (dev: 1 instance)', env: 'dev', base: '{ type: postgresql, name: db, resources: { cpu: 500m, memory: 1Gi } }', head: '{ type: postgresql, name: db, resources: { cpu: "1", memory: 1Gi } }', expect: [C('restart', 'downtime')] },
  // rabbitmq (RabbitMQ Cluster Operator)
  { name: 'rabbitmq scales down', base: '{ type: rabbitmq, name: mq, replicas: 5 }', head: '{ type: rabbitmq, name: mq, replicas: 3 }', expect: [R('scale-down', 'operator')] },
  { name: 'rabbitmq scales up', base: '{ type: rabbitmq, name: mq, replicas: 3 }', head: '{ type: rabbitmq, name: mq, replicas: 5 }', expect: [C('scale-up', 'safe')] },
  { name: 'rabbitmq storage shrinks', base: '{ type: rabbitmq, name: mq, storage: 10Gi }', head: '{ type: rabbitmq, name: mq, storage: 5Gi }', expect: [R('storage-shrink', 'operator')] },
  { name: 'rabbitmq storage grows', base: '{ type: rabbitmq, name: mq, storage: 5Gi }', head: '{ type: rabbitmq, name: mq, storage: 10Gi }', expect: [C('storage-grow', 'safe')] },
  { name: 'rabbitmq storage class changes', base: '{ type: rabbitmq, name: mq, storage: { size: 5Gi, storageClass: gp2 } }', head: '{ type: rabbitmq, name: mq, storage: { size: 5Gi, storageClass: gp3 } }', expect: [R('storage-class', 'operator')] },
  { name: 'rabbitmq plugins', base: '{ type: rabbitmq, name: mq }', head: '{ type: rabbitmq, name: mq, plugins: [rabbitmq_shovel] }', expect: [C('settings', 'safe')] },
  // mongodb (MongoDB Kubernetes, community resource)
  { name: 'mongodb storage grows', base: '{ type: mongodb, name: docs, storage: 10Gi }', head: '{ type: mongodb, name: docs, storage: 20Gi }', expect: [R('storage-grow', 'operator')] },
  { name: 'mongodb scales down', base: '{ type: mongodb, name: docs, replicas: 5 }', head: '{ type: mongodb, name: docs, replicas: 3 }', expect: [C('scale-down', 'safe')] },
  { name: 'mongodb version up', base: '{ type: mongodb, name: docs, version: "8.0.12" }', head: '{ type: mongodb, name: docs, version: "8.0.13" }', expect: [C('version-upgrade', 'rolling restart')] },
  // elasticsearch (ECK)
  { name: 'elasticsearch downgrade', base: '{ type: elasticsearch, name: search, version: "9.1.0" }', head: '{ type: elasticsearch, name: search, version: "9.0.0" }', expect: [R('version-downgrade', 'operator')] },
  { name: 'elasticsearch upgrade', base: '{ type: elasticsearch, name: search, version: "9.0.0" }', head: '{ type: elasticsearch, name: search, version: "9.1.0" }', expect: [C('version-upgrade', 'rolling restart')] },
  { name: 'elasticsearch 8.18 to 9', base: '{ type: elasticsearch, name: search, version: "8.18.0" }', head: '{ type: elasticsearch, name: search, version: "9.1.0" }', expect: [C('version-upgrade', 'rolling restart')] },
  { name: 'elasticsearch 8.17 to 9', base: '{ type: elasticsearch, name: search, version: "8.17.0" }', head: '{ type: elasticsearch, name: search, version: "9.1.0" }', expect: [R('version-upgrade', 'operator')] },
  { name: 'elasticsearch to one node', base: '{ type: elasticsearch, name: search, replicas: 3 }', head: '{ type: elasticsearch, name: search, replicas: 1 }', expect: [R('scale-down', 'operator')] },
  { name: 'elasticsearch 5 to 3 nodes', base: '{ type: elasticsearch, name: search, replicas: 5 }', head: '{ type: elasticsearch, name: search, replicas: 3 }', expect: [C('scale-down', 'safe')] },
  { name: 'elasticsearch storage shrinks', base: '{ type: elasticsearch, name: search, storage: 20Gi }', head: '{ type: elasticsearch, name: search, storage: 10Gi }', expect: [R('storage-shrink', 'operator')] },
  { name: 'elasticsearch storage class changes', base: '{ type: elasticsearch, name: search, storage: { size: 10Gi, storageClass: gp2 } }', head: '{ type: elasticsearch, name: search, storage: { size: 10Gi, storageClass: gp3 } }', expect: [R('storage-class', 'operator')] },
  { name: 'elasticsearch storage grows', base: '{ type: elasticsearch, name: search, storage: 10Gi }', head: '{ type: elasticsearch, name: search, storage: 20Gi }', expect: [C('storage-grow', 'safe')] },
  // kafka (Strimzi)
  { name: 'kafka brokers down', base: '{ type: kafka, name: stream, brokers: 5 }', head: '{ type: kafka, name: stream, brokers: 3 }', expect: [R('scale-down', 'operator')] },
  { name: 'kafka brokers up', base: '{ type: kafka, name: stream, brokers: 3 }', head: '{ type: kafka, name: stream, brokers: 5 }', expect: [C('scale-up', 'safe')] },
  { name: 'kafka storage shrinks', base: '{ type: kafka, name: stream, storage: 20Gi }', head: '{ type: kafka, name: stream, storage: 10Gi }', expect: [R('storage-shrink', 'operator')] },
  { name: 'kafka storage class changes', base: '{ type: kafka, name: stream, storage: { size: 10Gi, storageClass: gp2 } }', head: '{ type: kafka, name: stream, storage: { size: 10Gi, storageClass: gp3 } }', expect: [R('storage-class', 'operator')] },
  { name: 'kafka storage grows', base: '{ type: kafka, name: stream, storage: 10Gi }', head: '{ type: kafka, name: stream, storage: 20Gi }', expect: [C('storage-grow', 'safe')] },
  { name: 'kafka version down', base: '{ type: kafka, name: stream, version: "4.1.0" }', head: '{ type: kafka, name: stream, version: "4.0.0" }', expect: [R('version-downgrade', 'operator')] },
  { name: 'kafka version up', base: '{ type: kafka, name: stream, version: "4.0.0" }', head: '{ type: kafka, name: stream, version: "4.1.0" }', expect: [C('version-upgrade', 'rolling restart')] },
];
