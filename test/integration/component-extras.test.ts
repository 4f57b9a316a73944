/**
 * What components bring beside their main resource, through the CLI and the real helm, each
 * object checked against its vendored upstream CRD with strict fields: kafka `topics` →
 * Strimzi KafkaTopic, postgresql `config.backup.schedule` → CloudNativePG ScheduledBackup.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HELM, helmTemplate, type K8sObject } from '../support/helm.js';
import { validateOperatorObject } from '../support/operator-crds.js';
import { cli, type TempRepo, tempRepo } from '../support/repo.js';

let repo: TempRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

const claim = (env: string, components: string) => `apiVersion: platform.infraforge.io/v1
kind: ApplicationClaim
metadata:
  name: shop
spec:
  environment: ${env}
  owner: { team: Shop Team, email: shop@example.com }
  applications:
    - name: web
      version: "1.0.0"
      uses: [events, db]
  components:
${components}`;

const COMPONENTS = `    - type: kafka
      name: events
      version: "4.1.0"
      topics:
        - name: orders
          partitions: 6
          replicas: 3
          config: { retention.ms: 604800000, cleanup.policy: delete, unclean.leader.election.enable: false }
        - name: audit.log
        - name: old
          enabled: false
    - type: postgresql
      name: db
      config:
        backup:
          destinationPath: s3://backups/shop
          schedule: "0 3 * * *"
`;

async function objectsOf(unit: string): Promise<K8sObject[]> {
  const values = path.join(repo!.root, `rendered/prod/shop/${unit}/values.yaml`);
  return (await helmTemplate(values, `shop-${unit}`, path.join(repo!.root, 'charts/common'))).objects;
}

describe.skipIf(!HELM)('component extras', () => {
  it('kafka topics become KafkaTopics and a backup schedule a ScheduledBackup, valid against their CRDs', async () => {
    repo = tempRepo({ 'deployments/prod/shop.yaml': claim('prod', COMPONENTS) });
    const run = await cli(repo.root, 'render');
    expect(run.stderr).toBe('');

    const kafka = await objectsOf('events');
    const topics = kafka.filter((o) => o.kind === 'KafkaTopic');
    for (const o of kafka) validateOperatorObject(o);
    expect(topics.map((t) => t.metadata.name)).toEqual(['events-orders', 'events-audit.log']);
    const [orders, audit] = topics as [K8sObject, K8sObject];
    expect(orders.spec).toEqual({ topicName: 'orders', partitions: 6, replicas: 3, config: { 'cleanup.policy': 'delete', 'retention.ms': '604800000', 'unclean.leader.election.enable': 'false' } });
    expect(audit.spec).toEqual({ topicName: 'audit.log' });
    expect(orders.metadata.labels?.['strimzi.io/cluster']).toBe('events');
    expect((orders.metadata as { annotations?: object }).annotations).toEqual({ 'argocd.argoproj.io/sync-options': 'Delete=false' });

    const db = await objectsOf('db');
    for (const o of db) validateOperatorObject(o);
    const backup = db.find((o) => o.kind === 'ScheduledBackup')!;
    expect(backup.metadata.name).toBe('db-backup');
    // CloudNativePG's cron has a seconds field first.
    expect(backup.spec).toEqual({ schedule: '0 0 3 * * *', cluster: { name: 'db' }, method: 'barmanObjectStore', backupOwnerReference: 'self' });
  });

  it('no schedule, no ScheduledBackup; no topics, no KafkaTopic', async () => {
    repo = tempRepo({ 'deployments/prod/shop.yaml': claim('prod', COMPONENTS.replace(/      topics:[\s\S]*?(?=    - type: postgresql)/, '').replace('          schedule: "0 3 * * *"\n', '')) });
    expect((await cli(repo.root, 'render')).stderr).toBe('');
    expect((await objectsOf('events')).map((o) => o.kind).sort()).toEqual(['Kafka', 'KafkaNodePool']);
    expect((await objectsOf('db')).map((o) => o.kind)).toEqual(['Cluster']);
  });

  it('refuses more topic replicas than brokers, a topic twice and topics on another type, at their lines', async () => {
    const components = `    - type: kafka
      name: events
      topics:
        - { name: orders, replicas: 3 }
        - { name: orders }
    - type: postgresql
      name: db
      topics: [{ name: x }]
`;
    repo = tempRepo({ 'deployments/dev/shop.yaml': claim('dev', components) });
    const run = await cli(repo.root, 'validate');
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([
      'deployments/dev/shop.yaml:16:37: topic "orders" asks for 3 replicas, but the cluster has 1 broker in this environment: Strimzi would refuse the topic (spec.components[0].topics[0].replicas)',
      'deployments/dev/shop.yaml:17:19: topic "orders" is already declared (topics[0]) (spec.components[0].topics[1].name)',
      'deployments/dev/shop.yaml:20:15: topics is a kafka setting; this component is postgresql (spec.components[1].topics)',
      'infraforge validate: 3 problems',
    ]);
  });
});
