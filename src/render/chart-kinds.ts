/**
 * The namespaced kinds charts/common can render, as Argo CD's AppProject names them
 * ({group, kind}). A claim's AppProject allows exactly these and no cluster-scoped kind, so a
 * values file or a hand-made Application that asks for anything else (a RoleBinding outside
 * MongoDB's, a Secret, a ClusterRole, the Namespace itself) is refused by Argo CD at sync.
 * test/integration/chart-kinds.test.ts derives this list from `helm template` of the chart
 * with every feature on and fails when the two drift.
 */
export interface GroupKind {
  group: string;
  kind: string;
}

export const CHART_NAMESPACED_KINDS: readonly GroupKind[] = [
  { group: '', kind: 'ConfigMap' },
  { group: '', kind: 'Service' },
  { group: '', kind: 'ServiceAccount' },
  { group: 'apps', kind: 'Deployment' },
  { group: 'apps', kind: 'StatefulSet' },
  { group: 'autoscaling', kind: 'HorizontalPodAutoscaler' },
  { group: 'batch', kind: 'CronJob' },
  { group: 'batch', kind: 'Job' },
  { group: 'elasticsearch.k8s.elastic.co', kind: 'Elasticsearch' },
  { group: 'external-secrets.io', kind: 'ExternalSecret' },
  { group: 'kafka.strimzi.io', kind: 'Kafka' },
  { group: 'kafka.strimzi.io', kind: 'KafkaNodePool' },
  { group: 'kafka.strimzi.io', kind: 'KafkaTopic' },
  { group: 'mongodbcommunity.mongodb.com', kind: 'MongoDBCommunity' },
  { group: 'monitoring.coreos.com', kind: 'ServiceMonitor' },
  { group: 'networking.k8s.io', kind: 'Ingress' },
  { group: 'policy', kind: 'PodDisruptionBudget' },
  { group: 'postgresql.cnpg.io', kind: 'Cluster' },
  { group: 'postgresql.cnpg.io', kind: 'ScheduledBackup' },
  { group: 'rabbitmq.com', kind: 'RabbitmqCluster' },
  // The MongoDB component's own database account (charts/common/templates/mongodb-community.yaml).
  { group: 'rbac.authorization.k8s.io', kind: 'Role' },
  { group: 'rbac.authorization.k8s.io', kind: 'RoleBinding' },
];
