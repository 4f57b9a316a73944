/**
 * What a component asks for once its operator-era `config:` keys, its size preset and the
 * environment profile are taken into account — and, in the same pass, every way the claim
 * asks for something this renderer will not do. One function owns both so a value can never
 * be read here and ignored there: claim validation reports `issues`, values use `settings`.
 */
import type { ComponentSpec, ComponentType } from '../claims/types.js';
import type { FieldPath } from '../claims/source.js';
import type { Profile, ResourceSet } from './profiles.js';
import { SIZE_PRESETS } from './profiles.js';
import { kafkaTopicIssues } from './component-extras.js';
import { parseQuantity } from './quantity.js';
import { mergeResources } from './resources.js';

export interface ComponentSettings {
  members: number;
  storage: { size: string; storageClass?: string };
  resources: ResourceSet;
  plugins: string[];
  heap: string | undefined;
}

export interface ComponentIssue {
  /** Relative to the component. */
  path: FieldPath;
  code: string;
  message: string;
}

/** The oldest PostgreSQL major CloudNativePG v1.30 accepts. */
const MIN_POSTGRES_MAJOR = 13;

/** Stores that elect by majority: the profile's quorum default and floor apply to them. */
export const QUORUM_TYPES: ReadonlySet<ComponentType> = new Set(['rabbitmq', 'mongodb', 'elasticsearch', 'kafka']);

/** JVM stores get the small preset when no size is given: the profiles' pod defaults starve them. */
const JVM_TYPES: ReadonlySet<ComponentType> = new Set(['elasticsearch', 'kafka']);

/** Fields that belong to one type only. */
const TYPE_FIELDS: Readonly<Record<'plugins' | 'heap' | 'brokers' | 'mode' | 'topics', ComponentType>> = {
  topics: 'kafka',
  plugins: 'rabbitmq',
  heap: 'elasticsearch',
  brokers: 'kafka',
  mode: 'redis',
};

/** Types whose operator needs the version spelled out in full (it pulls that exact image), with an example. */
const FULL_VERSION: Partial<Record<ComponentType, string>> = { mongodb: '8.0.12', elasticsearch: '9.1.0', kafka: '4.1.0' };

/**
 * Pinned so a render does not drift. Kafka has none: Strimzi supports only the Kafka versions
 * of its own release, so the operator's default is the one that is sure to run.
 */
const DEFAULT_VERSION: Partial<Record<ComponentType, string>> = { mongodb: '8.0.12', elasticsearch: '9.1.0' };

const HEAP = /^[1-9][0-9]{0,5}[mg]$/;

/**
 * Longest component names whose derived objects still fit Kubernetes' limits: a StatefulSet's
 * pods carry `controller-revision-hash: <statefulset>-<10 characters>` (a 63-character label),
 * and the operators add suffixes. ECK caps Elasticsearch names at 36 itself.
 */
const MAX_NAME: Partial<Record<ComponentType, { max: number; why: string }>> = {
  redis: { max: 52, why: 'its StatefulSet <name> labels its pods with <name>-<10-character revision>' },
  rabbitmq: { max: 45, why: 'the operator names its StatefulSet <name>-server' },
  mongodb: { max: 48, why: 'the operator names its StatefulSets <name> and <name>-arb' },
  elasticsearch: { max: 36, why: 'ECK refuses longer Elasticsearch names' },
  kafka: { max: 26, why: 'Strimzi names the pods <name>-<name>-nodes-<id>' },
};

export function resolveComponent(component: ComponentSpec, profile: Profile): { settings: ComponentSettings; issues: ComponentIssue[] } {
  const issues: ComponentIssue[] = [];
  const type = component.type;
  const config = component.config ?? {};
  const refuse = (path: FieldPath, code: string, message: string) => issues.push({ path, code, message });

  for (const [field, owner] of Object.entries(TYPE_FIELDS)) {
    if (component[field as keyof typeof TYPE_FIELDS] !== undefined && owner !== type) {
      refuse([field], 'component-field-type', `${field} is a ${owner} setting; this component is ${type}`);
    }
  }

  /** The new field, else its operator-era spelling; both, when they differ, is a question only the user can answer. */
  const pick = <T>(field: string, value: T | undefined, legacyPath: FieldPath, legacy: T | undefined): T | undefined => {
    if (legacy === undefined) return value;
    if (value !== undefined && JSON.stringify(value) !== JSON.stringify(legacy)) {
      refuse(legacyPath, 'component-config-conflict', `config.${legacyPath.slice(1).join('.')} (operator era) says ${JSON.stringify(legacy)} but ${field} says ${JSON.stringify(value)}; keep ${field} only`);
    }
    return value ?? legacy;
  };

  const storageObj = typeof component.storage === 'object' ? component.storage : {};
  let storageSize = typeof component.storage === 'string' ? component.storage : storageObj.size;
  let asked = component.replicas;
  let plugins = component.plugins;
  let heap = component.heap;

  switch (type) {
    case 'rabbitmq': {
      const persistence = typeof config.persistence === 'object' ? config.persistence : undefined;
      asked = pick('replicas', asked, ['config', 'replicas'], config.replicas);
      plugins = pick('plugins', plugins, ['config', 'plugins'], config.plugins);
      storageSize = pick('storage', storageSize, ['config', 'persistence', 'size'], persistence?.size);
      if (persistence?.enabled === false) {
        refuse(['config', 'persistence', 'enabled'], 'component-config-unsupported', 'RabbitMQ always keeps its queues on a volume: remove config.persistence.enabled and size it with storage');
      }
      break;
    }
    case 'mongodb':
      asked = pick('replicas', asked, ['config', 'replicas'], config.replicas);
      storageSize = pick('storage', storageSize, ['config', 'storage'], config.storage);
      break;
    case 'elasticsearch': {
      asked = pick('replicas', asked, ['config', 'replicas'], config.replicas);
      storageSize = pick('storage', storageSize, ['config', 'storage'], config.storage);
      if (config.heap !== undefined && !HEAP.test(config.heap)) {
        refuse(['config', 'heap'], 'component-config-unsupported', `config.heap ${JSON.stringify(config.heap)} is not a JVM heap size: use heap with a number and m or g, e.g. heap: 2g`);
      } else {
        heap = pick('heap', heap, ['config', 'heap'], config.heap);
      }
      break;
    }
    case 'kafka': {
      const brokers = pick('brokers', component.brokers, ['config', 'brokers'], config.brokers);
      if (asked !== undefined && brokers !== undefined && asked !== brokers) {
        refuse(['replicas'], 'component-config-conflict', `replicas ${asked} and brokers ${brokers} disagree; a Kafka component's brokers are its replicas: keep brokers only`);
      }
      asked = brokers ?? asked;
      storageSize = pick('storage', storageSize, ['config', 'storage'], config.storage);
      if (config.zookeeper !== undefined) {
        refuse(['config', 'zookeeper'], 'component-config-unsupported', 'Strimzi 1.x runs Kafka in KRaft mode, without ZooKeeper: remove config.zookeeper (brokers sets the number of KRaft nodes)');
      }
      break;
    }
    case 'redis': {
      const mode = pick('mode', component.mode, ['config', 'mode'], config.mode);
      if (mode !== undefined && mode !== 'standalone') {
        const where: FieldPath = component.mode !== undefined ? ['mode'] : ['config', 'mode'];
        refuse(where, 'redis-mode-unsupported', `redis mode ${JSON.stringify(mode)} is not rendered: a redis component is one standalone instance (mode: standalone), without replication, failover or cluster sharding`);
      }
      const replicas = component.replicas ?? config.replicas;
      if (replicas !== undefined && replicas !== 1) {
        const where: FieldPath = component.replicas !== undefined ? ['replicas'] : ['config', 'replicas'];
        refuse(where, 'redis-replicas-unsupported', `redis runs one standalone instance (no replication or failover is rendered); replicas ${replicas} would be dropped, so it is refused: remove it or set 1`);
      }
      // Without persistence the data lives in an emptyDir: a size would be asked for and never used.
      if (config.persistence === false && component.storage !== undefined) {
        refuse(['storage'], 'redis-storage-without-persistence', 'storage sizes a volume, but config.persistence is false (data lives in memory and an emptyDir): remove storage or persistence: false');
      }
      break;
    }
    case 'postgresql':
      break;
  }

  const limit = MAX_NAME[type];
  if (limit && component.name.length > limit.max) {
    refuse(['name'], 'component-name-too-long', `a ${type} component name may have at most ${limit.max} characters (${limit.why}); "${component.name}" has ${component.name.length}`);
  }

  const members = asked ?? (QUORUM_TYPES.has(type) ? profile.components.quorumMembers : profile.components.instances);
  if (QUORUM_TYPES.has(type) && asked !== undefined && asked < profile.components.quorumFloor) {
    const field = type === 'kafka' && component.brokers !== undefined ? 'brokers' : 'replicas';
    refuse([field], 'component-quorum-floor', `${type} needs at least ${profile.components.quorumFloor} members in this environment (a majority must survive one loss); ${field} is ${asked}`);
  }

  if (type === 'kafka') issues.push(...kafkaTopicIssues(component, members));

  // CloudNativePG v1.30's webhook refuses a Cluster below PostgreSQL 13 when it is created
  // (cluster_webhook.go validateConfiguration): the render would look clean and never sync.
  if (type === 'postgresql' && component.version !== undefined && Number(component.version.split('.')[0]) < MIN_POSTGRES_MAJOR) {
    refuse(['version'], 'component-version', `postgresql ${component.version} is not supported: CloudNativePG runs PostgreSQL ${MIN_POSTGRES_MAJOR} or newer (its webhook refuses the Cluster)`);
  }

  if (component.version !== undefined && FULL_VERSION[type] !== undefined && !/^[0-9]+\.[0-9]+\.[0-9]+$/.test(component.version)) {
    refuse(['version'], 'component-version', `${type} needs a full version (major.minor.patch, e.g. "${FULL_VERSION[type]}"): the operator pulls that exact image; got "${component.version}"`);
  }

  const size = component.size ?? (JVM_TYPES.has(type) ? 'small' : undefined);
  const preset = size ? SIZE_PRESETS[size] : undefined;
  const storageClass = storageObj.storageClass ?? profile.components.storageClass;
  const storage: ComponentSettings['storage'] = { size: storageSize ?? preset?.storage ?? profile.components.storage };
  if (storageClass) storage.storageClass = storageClass;

  const resources = mergeResources(preset?.resources ?? profile.resources, component.resources);
  if (heap !== undefined) {
    const heapBytes = parseQuantity(heap.replace(/([mg])$/, (u) => (u === 'g' ? 'Gi' : 'Mi')));
    const limit = parseQuantity(resources.limits.memory);
    if (heapBytes !== undefined && limit !== undefined && heapBytes > limit * 0.75) {
      const where: FieldPath = component.heap !== undefined ? ['heap'] : ['config', 'heap'];
      refuse(where, 'component-heap', `heap ${heap} leaves too little of the memory limit ${resources.limits.memory} (Elasticsearch advises at most half): lower heap or raise resources.limits.memory or size`);
    }
  }

  return {
    settings: {
      members,
      storage,
      resources,
      plugins: plugins ?? [],
      heap,
    },
    issues,
  };
}

/** The version a type runs when the claim names none: pinned, so a render does not drift. */
export function defaultVersion(type: ComponentType): string | undefined {
  return DEFAULT_VERSION[type];
}
