/** Which vendored CRD (test/crds) checks each operator kind charts/common renders. */
import { crdValidator, errorsOf } from './crd.js';
import type { K8sObject } from './helm.js';

export const OPERATOR_CRDS: Readonly<Record<string, { apiVersion: string; file: string }>> = {
  Cluster: { apiVersion: 'postgresql.cnpg.io/v1', file: 'cloudnative-pg-v1.30.0/postgresql.cnpg.io_clusters.yaml' },
  RabbitmqCluster: { apiVersion: 'rabbitmq.com/v1beta1', file: 'rabbitmq-cluster-operator-v2.22.3/rabbitmq.com_rabbitmqclusters.yaml' },
  MongoDBCommunity: { apiVersion: 'mongodbcommunity.mongodb.com/v1', file: 'mongodb-kubernetes-1.10.0/mongodbcommunity.mongodb.com_mongodbcommunity.yaml' },
  Elasticsearch: { apiVersion: 'elasticsearch.k8s.elastic.co/v1', file: 'eck-v3.5.0/elasticsearch.k8s.elastic.co_elasticsearches.all-crds.yaml' },
  Kafka: { apiVersion: 'kafka.strimzi.io/v1', file: 'strimzi-1.2.0/040-Crd-kafka.yaml' },
  KafkaNodePool: { apiVersion: 'kafka.strimzi.io/v1', file: 'strimzi-1.2.0/045-Crd-kafkanodepool.yaml' },
  KafkaTopic: { apiVersion: 'kafka.strimzi.io/v1', file: 'strimzi-1.2.0/043-Crd-kafkatopic.yaml' },
  ScheduledBackup: { apiVersion: 'postgresql.cnpg.io/v1', file: 'cloudnative-pg-v1.30.0/postgresql.cnpg.io_scheduledbackups.yaml' },
  ServiceMonitor: { apiVersion: 'monitoring.coreos.com/v1', file: 'prometheus-operator-v0.93.0/monitoring.coreos.com_servicemonitors.yaml' },
  ExternalSecret: { apiVersion: 'external-secrets.io/v1', file: 'external-secrets-v2.9.0/external-secrets.io_externalsecrets.yaml' },
};

/** Throws with the schema errors when an operator object breaks its upstream CRD (strict fields). */
export function validateOperatorObject(o: K8sObject): void {
  const crd = OPERATOR_CRDS[o.kind];
  if (!crd) throw new Error(`no vendored CRD for ${o.kind}`);
  if (o.apiVersion !== crd.apiVersion) throw new Error(`${o.kind} ${o.metadata.name}: apiVersion ${o.apiVersion}, the CRD serves ${crd.apiVersion}`);
  const validate = crdValidator(crd.file);
  const data: unknown = o;
  if (!validate(data)) throw new Error(`${o.kind} ${o.metadata.name}: ${errorsOf(validate)}`);
}
