/** The ApplicationClaim as application-claim.schema.json accepts it. */

export type Quantity = string | number;

export interface ResourceList {
  cpu?: Quantity;
  memory?: Quantity;
}

export interface ClaimResources {
  requests?: ResourceList;
  limits?: ResourceList;
  /** Older flat form: means requests. */
  cpu?: Quantity;
  memory?: Quantity;
}

export interface ImageObject {
  repository: string;
  tag?: string;
  digest?: string;
  pullPolicy?: 'Always' | 'IfNotPresent' | 'Never';
}

export interface KeyRef {
  name: string;
  key: string;
  optional?: boolean;
}

export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: KeyRef; configMapKeyRef?: KeyRef };
}

export interface PortSpec {
  name?: string;
  port: number;
  /** The port the Service exposes (default: port); traffic goes to port in the container. */
  servicePort?: number;
  protocol?: 'TCP' | 'UDP' | 'SCTP';
}

export interface HealthCheck {
  /** http (the default with a path), tcp or grpc; a check without a path must say which. */
  type?: 'http' | 'tcp' | 'grpc';
  path?: string;
  port?: number;
  initialDelaySeconds?: number;
  periodSeconds?: number;
  timeoutSeconds?: number;
  failureThreshold?: number;
}

export interface ProbeSpec {
  http?: { path: string; port?: number; headers?: { name: string; value: string }[] };
  grpc?: { port?: number; service?: string };
  tcp?: { port?: number };
  exec?: { command: string[] };
  initialDelaySeconds?: number;
  periodSeconds?: number;
  timeoutSeconds?: number;
  failureThreshold?: number;
}

export interface Probes {
  liveness?: ProbeSpec;
  readiness?: ProbeSpec;
  startup?: ProbeSpec;
}

export interface IngressSpec {
  hosts: string[];
  paths?: string[];
  className?: string;
  port?: number;
  tls?: { secretName?: string; clusterIssuer?: string; issuer?: string };
}

export interface VolumeSpec {
  name: string;
  mountPath: string;
  emptyDir?: { sizeLimit?: string; medium?: 'Memory' };
  /** File name → content: a ConfigMap mounted read-only. */
  files?: Record<string, string>;
}

/** Cloud IAM identities a pod may assume: the only ServiceAccount annotations a claim may set. */
export type IamAnnotation = 'eks.amazonaws.com/role-arn' | 'iam.gke.io/gcp-service-account' | 'azure.workload.identity/client-id';

export interface Autoscaling {
  enabled?: boolean;
  minReplicas?: number;
  maxReplicas?: number;
  targetCPUUtilizationPercentage?: number;
  targetMemoryUtilizationPercentage?: number;
  targetCPU?: number;
  targetMemory?: number;
}

export interface ApplicationSpec {
  name: string;
  enabled?: boolean;
  image?: string | ImageObject;
  serviceName?: string;
  repository?: string;
  version: string;
  /** The container's entrypoint and its arguments (the image's ENTRYPOINT and CMD otherwise). */
  command?: string[];
  args?: string[];
  replicas?: number;
  /** Exactly one pod: no autoscaler, no disruption budget, Recreate on update. */
  singleton?: boolean;
  ports?: PortSpec[];
  healthCheck?: HealthCheck;
  /** The numeric user and group the container runs as (default: spec.security in settings). */
  securityContext?: { runAsUser?: number; runAsGroup?: number };
  probes?: Probes;
  resources?: ClaimResources;
  env?: EnvVar[];
  autoscaling?: Autoscaling;
  uses?: string[];
  ingress?: IngressSpec;
  volumes?: VolumeSpec[];
  /** Spread pods over zones and nodes (default: the profile; on in prod). */
  topologySpread?: boolean;
  /** A ServiceMonitor (Prometheus Operator) scraping one of the app's ports, by number or name. */
  metrics?: { port: number | string; path?: string; interval?: string };
  serviceAccount?: { annotations?: Partial<Record<IamAnnotation, string>> };
  secrets?: ExternalSecretSpec[];
  jobs?: JobSpec[];
  cronJobs?: CronJobSpec[];
  values?: Record<string, unknown>;
}

/** A Secret an app reads from the platform's secret store (External Secrets Operator). */
export interface ExternalSecretSpec {
  name: string;
  env: { name: string; key: string; property?: string }[];
}

/** A Job Argo CD runs with each sync of its app (a PreSync or PostSync hook). */
export interface JobSpec {
  name: string;
  enabled?: boolean;
  hook?: 'PreSync' | 'PostSync';
  command?: string[];
  args?: string[];
  env?: EnvVar[];
  resources?: ClaimResources;
  backoffLimit?: number;
  activeDeadlineSeconds?: number;
}

/** A scheduled Job of an app. */
export interface CronJobSpec extends Omit<JobSpec, 'hook'> {
  schedule: string;
  timeZone?: string;
  concurrencyPolicy?: 'Forbid' | 'Allow' | 'Replace';
  suspend?: boolean;
}

/** A topic of a kafka component (a Strimzi KafkaTopic). */
export interface KafkaTopicSpec {
  name: string;
  enabled?: boolean;
  partitions?: number;
  replicas?: number;
  config?: Record<string, string | number | boolean>;
}

export type ComponentType = 'postgresql' | 'redis' | 'rabbitmq' | 'mongodb' | 'elasticsearch' | 'kafka';
export type ComponentSize = 'small' | 'medium' | 'large';

export interface PostgresqlConfig {
  database?: string;
  owner?: string;
  parameters?: Record<string, string>;
  maxConnections?: string;
  monitoring?: boolean;
  backup?: { destinationPath: string; retentionPolicy?: string; inheritFromIAMRole?: boolean; schedule?: string };
}

export interface RedisConfig {
  /** redis: a boolean; rabbitmq (operator era): { size, enabled }. */
  persistence?: boolean | { size?: string; enabled?: boolean };
  auth?: { existingSecret: string; key?: string };
  maxmemoryPolicy?: string;
  /** Operator era: now the component's mode / replicas. */
  mode?: string;
  replicas?: number;
}

/** Operator-era keys of the newer types (config.replicas, config.storage, …) and MongoDB's own. */
export interface OperatorEraConfig {
  replicas?: number;
  plugins?: string[];
  storage?: string;
  heap?: string;
  brokers?: number;
  zookeeper?: unknown;
  database?: string;
  auth?: { existingSecret: string; key?: string };
}

export interface ComponentSpec {
  type: ComponentType;
  name: string;
  enabled?: boolean;
  version?: string;
  size?: ComponentSize;
  storage?: string | { size?: string; storageClass?: string };
  replicas?: number;
  resources?: ClaimResources;
  /** rabbitmq */
  plugins?: string[];
  /** elasticsearch */
  heap?: string;
  /** kafka */
  brokers?: number;
  /** redis */
  mode?: 'standalone' | 'replication' | 'sentinel' | 'cluster';
  /** kafka */
  topics?: KafkaTopicSpec[];
  config?: PostgresqlConfig & RedisConfig & OperatorEraConfig;
}

export interface ApplicationClaim {
  apiVersion: 'platform.infraforge.io/v1';
  kind: 'ApplicationClaim';
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec: {
    environment: string;
    namespace?: string;
    clusterType?: string;
    owner: { team: string; email: string; slack?: string };
    applications: ApplicationSpec[];
    components?: ComponentSpec[];
    /** Data losses the change means to make (src/safety); removed once merged. */
    acknowledge?: { component: string; change: 'renamed' | 'moved' | 'type-changed' }[];
  };
}

/** A validated claim and where it came from. */
export interface LoadedClaim {
  claim: ApplicationClaim;
  /** Environment folder under deployments/. */
  env: string;
  source: import('./source.js').SourceDoc;
}
