/**
 * What each in-place change does to each type of data component, with the rule behind it.
 * Pure. Every ruling cites the operator's source or docs at the version infrastructure/ installs
 * (CloudNativePG 1.30.0, ECK 3.5.0, RabbitMQ Cluster Operator 2.22.3, Strimzi 1.2.0, MongoDB
 * Kubernetes 1.10.0), or the Kubernetes API server's own validation; the README's "Data safety"
 * table lists them, and test/unit/safety-rules.test.ts holds one case per row.
 */
import type { Refuser, SafetyClass } from './classes.js';
import { compareSizes, compareVersions, type View } from './view.js';
import type { DataType } from './stores.js';

/** An in-place change, as the PR comment and an acknowledgement name it. */
export type InPlaceChange =
  | 'persistence-off'
  | 'persistence-on'
  | 'storage-shrink'
  | 'storage-grow'
  | 'storage-class'
  | 'major-upgrade'
  | 'major-downgrade'
  | 'version-upgrade'
  | 'version-downgrade'
  | 'version-change'
  | 'scale-down'
  | 'scale-up'
  | 'restart'
  | 'settings';

export interface Ruling {
  class: SafetyClass;
  /** Set for `refused after merge`. */
  by?: Refuser;
  /** What happens, then what to do instead. */
  sentence: string;
}

export interface Detected {
  change: InPlaceChange;
  /** The component's name (its objects are named after it). */
  name: string;
  before: View;
  after: View;
}

/** The changes between two views of one component, in the order the table lists them. */
export function detectChanges(type: DataType, name: string, before: View, after: View): Detected[] {
  const out: InPlaceChange[] = [];
  if (before.persistent !== after.persistent) out.push(after.persistent ? 'persistence-on' : 'persistence-off');
  else if (after.persistent) {
    const size = compareSizes(after.storageSize, before.storageSize);
    if (size === -1) out.push('storage-shrink');
    if (size === 1) out.push('storage-grow');
    if ((before.storageClass ?? '') !== (after.storageClass ?? '')) out.push('storage-class');
  }
  if (before.version !== after.version) out.push(versionChange(type, before.version, after.version));
  if (after.members < before.members) out.push('scale-down');
  if (after.members > before.members) out.push('scale-up');
  if (before.restart !== after.restart) out.push('restart');
  if (before.rest !== after.rest) out.push('settings');
  return out.map((change) => ({ change, name, before, after }));
}

function versionChange(type: DataType, before: string | undefined, after: string | undefined): InPlaceChange {
  if (before === undefined || after === undefined) return 'version-change';
  if (type === 'postgresql') {
    const major = compareVersions(after.split('.')[0]!, before.split('.')[0]!);
    if (major === 1) return 'major-upgrade';
    if (major === -1) return 'major-downgrade';
    return 'version-change';
  }
  const c = compareVersions(after, before);
  return c === 1 ? 'version-upgrade' : c === -1 ? 'version-downgrade' : 'version-change';
}

const refused = (by: Refuser, sentence: string): Ruling => ({ class: 'refused after merge', by, sentence });
const rolling = (d: Detected, sentence: string): Ruling =>
  // One member: the rolling restart restarts the only one, an outage.
  d.after.members <= 1 ? { class: 'downtime', sentence: `${sentence} With one member that is an outage; run more members first to avoid it.` } : { class: 'rolling restart', sentence };
const safe = (sentence: string): Ruling => ({ class: 'safe', sentence });

/**
 * The API server accepts a StatefulSet update only in replicas, template, updateStrategy,
 * persistentVolumeClaimRetentionPolicy, ordinals and minReadySeconds
 * (k8s.io/kubernetes pkg/apis/apps/validation ValidateStatefulSetUpdate: "updates to statefulset
 * spec for fields other than … are forbidden"); proven by test/e2e/data-safety.e2e.test.ts.
 */
const STATEFULSET_VCT =
  "the API server refuses every change to a StatefulSet's `volumeClaimTemplates`, so Argo CD retries the sync for ever.";

function redis(d: Detected): Ruling {
  const outage = d.after.persistent
    ? 'Its one instance restarts: the cache is unavailable until it has reloaded its data from disk.'
    : 'Its one instance restarts and, without persistence, starts empty.';
  switch (d.change) {
    case 'persistence-off':
      return refused('api-server', `Turning persistence off removes the volume claim template: ${STATEFULSET_VCT} Keep persistence; for a disk-less cache, add a new redis component with \`persistence: false\` and move the clients to it.`);
    case 'persistence-on':
      return refused('api-server', `Turning persistence on adds a volume claim template: ${STATEFULSET_VCT} Add a new redis component with persistence and move the clients to it.`);
    case 'storage-shrink':
    case 'storage-grow':
    case 'storage-class':
      return refused('api-server', `The size and class live in the volume claim template: ${STATEFULSET_VCT} Keep them as they are; to grow the disk, resize the PersistentVolumeClaim \`data-${d.name}-0\` by hand (its storage class must allow expansion).`);
    case 'version-downgrade':
      return { class: 'downtime', sentence: `${outage} An older Redis may not read the newer one's RDB file and then does not start; restore from a dump made for that version.` };
    default:
      return { class: 'downtime', sentence: outage };
  }
}

/** The major of a PostgreSQL version (`17.5` → 17). */
const pgMajor = (version: string | undefined): number => Number(version?.split('.')[0]);

/**
 * CloudNativePG's rulings. Its validating webhook (internal/webhook/v1/cluster_webhook.go at
 * v1.30.0; line numbers below) is run by test/e2e/webhooks.e2e.test.ts, which checks that it
 * refuses exactly the changes refused here, in the words quoted here, and accepts the rest.
 */
function postgresql(d: Detected): Ruling {
  switch (d.change) {
    // cluster_webhook.go:1806-1836 validateStorageConfigurationChange: "can't shrink existing storage from %v to %v".
    case 'storage-shrink':
      return refused('operator', "CloudNativePG's webhook refuses it (\"can't shrink existing storage\"), so Argo CD retries the sync for ever. Keep the size; for a smaller disk, create a new component and copy the data in with CNPG `bootstrap.pg_basebackup`.");
    // docs/src/storage.md "Using the volume expansion Kubernetes feature".
    case 'storage-grow':
      return safe('CloudNativePG grows every PersistentVolumeClaim when the storage class allows volume expansion (`allowVolumeExpansion`); without it, re-create the instances one at a time.');
    // cluster_webhook.go:1806-1836 validateStorageConfigurationChange compares sizes only; docs/src/storage.md "Re-creating storage".
    case 'storage-class':
      return safe("Only volumes made from now on (new instances) get the new class; existing instances keep theirs until re-created one at a time (CNPG: \"Re-creating storage\").");
    // docs/src/postgres_upgrades.md "Offline In-Place Major Upgrades". cluster_webhook.go:1397-1407
    // validateImageChange refuses an upgrade to a major below 16 (collation data it does not carry).
    case 'major-upgrade':
      if (pgMajor(d.after.version) < 16) {
        return refused('operator', `CloudNativePG's webhook refuses it ("major upgrades are only supported to version 16 or higher"), so Argo CD retries the sync for ever. Upgrade straight to 16 or later; or create a new component on ${d.after.version} and migrate with CNPG \`bootstrap.import\`.`);
      }
      return { class: 'downtime', sentence: `CloudNativePG stops every instance and runs \`pg_upgrade\` in place (offline in-place major upgrade): the database is down meanwhile and cannot go back to ${d.before.version}. Take a backup first; to avoid the outage, create a new component on ${d.after.version} and migrate with CNPG \`bootstrap.import\`.` };
    // cluster_webhook.go:1382-1395 validateImageChange: "can't downgrade from major %v to %v", against the major
    // the operator records in status.pgDataImageInfo once the cluster runs (so not on a cluster never reconciled).
    case 'major-downgrade':
      return refused('operator', `CloudNativePG's webhook refuses it ("can't downgrade from major ${pgMajor(d.before.version)} to ${pgMajor(d.after.version)}"), so Argo CD retries the sync for ever. Keep the major; to run an older one, create a new component and import the data logically (CNPG \`bootstrap.import\`).`);
    case 'scale-down':
      return safe('CloudNativePG removes the highest-numbered replicas and their volumes; the primary and its data stay.');
    case 'scale-up':
      return safe('CloudNativePG clones the new replicas from the primary.');
    case 'settings':
      return safe('CloudNativePG applies it in place; `bootstrap` settings (database, owner) apply only when a cluster is created, so an existing one keeps its database.');
    default:
      // docs/src/rolling_update.md: replicas first, then a switchover of the primary.
      return rolling(d, 'CloudNativePG restarts the replicas one at a time, then switches the primary over.');
  }
}

function rabbitmq(d: Detected): Ruling {
  switch (d.change) {
    // internal/controller/reconcile_scale_down.go: "Cluster Scale down not supported; tried to scale cluster from %d nodes to %d nodes".
    case 'scale-down':
      return refused('operator', 'The RabbitMQ operator refuses to scale down ("Cluster Scale down not supported") and stops reconciling the cluster. Keep the replicas; for fewer nodes, create a new component and move the queues (Shovel or Federation).');
    // internal/scaling/scaling.go: "shrinking persistent volumes is not supported".
    case 'storage-shrink':
      return refused('operator', 'The RabbitMQ operator refuses it ("shrinking persistent volumes is not supported") and stops reconciling the cluster. Keep the size; for a smaller disk, create a new component and move the queues.');
    // internal/scaling/scaling.go: grows each PVC, then re-creates the StatefulSet.
    case 'storage-grow':
      return safe('The RabbitMQ operator grows each PersistentVolumeClaim (the storage class must allow expansion) and re-creates its StatefulSet without restarting the nodes.');
    // internal/resource/statefulset.go Update: only the storage capacity of the claim template is updated.
    case 'storage-class':
      return refused('operator', "The RabbitMQ operator updates only the size in its StatefulSet's volume claim template, so no volume ever gets the new class. Keep the class; to move, create a new component with it and move the queues.");
    case 'scale-up':
      return safe('New nodes join the cluster; existing queues stay where they are.');
    case 'settings':
      return safe('The operator enables the plugins on the running nodes.');
    case 'version-downgrade':
      return { class: 'downtime', sentence: 'RabbitMQ does not support downgrades: a node restarted on the older version may not boot on data the newer one wrote. Export the definitions and move to a new component instead.' };
    default:
      return rolling(d, 'The operator restarts the nodes one at a time.');
  }
}

function mongodb(d: Detected): Ruling {
  switch (d.change) {
    // docs/mongodbcommunity/resize-pvc.md: resizing through the StatefulSet "is not yet possible".
    case 'storage-shrink':
    case 'storage-grow':
    case 'storage-class':
      return refused('operator', "The operator writes the new volume into its StatefulSet's volume claim template, which the API server refuses, so the replica set stops reconciling. Keep the storage as it is; to grow it, follow the operator's resize-pvc procedure by hand.");
    // mongodb-community-operator/controllers/replica_set_controller.go: members change one at a time, automation config first.
    case 'scale-down':
    case 'scale-up':
      return safe('The operator changes the replica set one member at a time, updating its configuration first.');
    case 'settings':
      return safe('The operator updates the user and database settings in place.');
    default:
      // docs/mongodbcommunity/README.md: "Upgrade and downgrade MongoDB server version" (featureCompatibilityVersion).
      return rolling(d, 'The operator restarts the members one at a time, secondaries first.');
  }
}

/**
 * The lowest version ECK lets an Elasticsearch cluster upgrade from to each major
 * (pkg/controller/elasticsearch/version/supported_versions.go:21-44 technicallySupportedVersions:
 * "the lowest version that offers a direct upgrade path"); no entry: no such major in ECK 3.5.
 */
const ES_UPGRADE_FROM: Record<string, string> = { '7': '7.0.0', '8': '7.17.0', '9': '8.18.0' };

const ES_ROLLING = 'ECK restarts the nodes one at a time, waiting for the cluster to be green or yellow between them.';

/** Whether ECK's webhook refuses `before` → `after` as an upgrade path Elasticsearch does not offer. */
function esUpgradePathRefused(before: string | undefined, after: string | undefined): boolean {
  const from = ES_UPGRADE_FROM[after?.split('.')[0] ?? ''];
  return before !== undefined && from !== undefined && compareVersions(before, from) === -1;
}

/**
 * ECK's rulings. Its validating webhook (pkg/controller/elasticsearch/validation/ at v3.5.0,
 * commit 386c7b14; line numbers below) is run by test/e2e/webhooks.e2e.test.ts, which checks
 * that it refuses exactly the changes whose sentence says "ECK's webhook refuses it", in the
 * words quoted, and admits the rest (the scale-down to one node too: its reconciler refuses that).
 */
function elasticsearch(d: Detected): Ruling {
  switch (d.change) {
    // validation/validations.go:490-516 validUpgradePath (msg :45), an update validation (:60-67, webhook.go:60-81 ValidateUpdate).
    case 'version-upgrade':
      if (esUpgradePathRefused(d.before.version, d.after.version)) {
        return refused('operator', `ECK's webhook refuses it ("Unsupported version upgrade path. Check the Elasticsearch documentation for supported upgrade paths."), so Argo CD retries the sync for ever: Elasticsearch ${d.after.version} upgrades only from ${ES_UPGRADE_FROM[d.after.version!.split('.')[0]!]} or later. Upgrade to that version first, then to ${d.after.version}.`);
      }
      return rolling(d, ES_ROLLING);
    // validation/validations.go:464-488 noDowngrades (msg :38), an update validation too.
    case 'version-downgrade':
      return refused('operator', "ECK's webhook refuses it (\"Downgrades are not supported\"), so Argo CD retries the sync for ever. Keep the version; to run an older one, create a new component and restore a snapshot taken there, or reindex.");
    // validation/volume_validation.go:121-152 validPVCModification compares with the nodeSet's StatefulSet;
    // common/volume/validations/validations.go:41-51 ValidateClaimsStorageUpdate: "decreasing storage size is not supported".
    case 'storage-shrink':
      return refused('operator', "ECK's webhook refuses it (\"decreasing storage size is not supported\"), so Argo CD retries the sync for ever. Keep the size; for smaller disks, create a new component and reindex or restore a snapshot.");
    // validation/volume_validation.go:98-112: any claim change but its storage request; common/volume/validations/validations.go:21 PvcImmutableErrMsg.
    case 'storage-class':
      return refused('operator', "ECK's webhook refuses it (\"volume claim templates can only have their storage requests increased, if the storage class allows volume expansion. Any other change is forbidden\"), so Argo CD retries the sync for ever. Keep the class; to move, create a new component with it and reindex or restore a snapshot.");
    // common/volume/validations/validations.go:43-46, 67-79 EnsureClaimSupportsExpansion (--validate-storage-class, on by default).
    case 'storage-grow':
      return safe('ECK grows each PersistentVolumeClaim when the storage class allows expansion (its webhook refuses the change otherwise).');
    // pkg/controller/elasticsearch/migration/migrate_data.go nodeMayHaveShard, and the node shutdown API: a node goes only when it holds no shard copy.
    case 'scale-down':
      return d.after.members < 2
        ? refused('operator', 'ECK removes a node only once no shard copy is left on it; on one node the replica copies (one per index by default) have nowhere to go, so the scale-down never finishes. Keep two or more nodes, or set every index to `number_of_replicas: 0` first.')
        : safe('ECK moves the shards off the leaving nodes first and removes them only then (it waits while the remaining disks cannot hold the data).');
    case 'scale-up':
      return safe('New nodes join and Elasticsearch moves shards onto them.');
    default:
      return rolling(d, ES_ROLLING);
  }
}

function kafka(d: Detected): Ruling {
  switch (d.change) {
    // cluster-operator/.../assembly/KafkaClusterCreator.java: "Cannot scale-down Kafka brokers … because they have assigned partition-replicas", then reverts the KafkaNodePool's replicas.
    case 'scale-down':
      return refused('operator', 'Strimzi refuses to remove brokers that still hold partition replicas and puts the KafkaNodePool back to its old size (warning `ScaleDownPreventionCheck`). Move the partitions off those brokers first (kafka-reassign-partitions or Cruise Control `remove-brokers`), then scale down.');
    // cluster-operator/.../model/StorageDiff.java: a shrink, or any change but deleteClaim/kraftMetadata/volumeAttributesClass, is not allowed; KafkaPool.java keeps the current storage with a warning.
    case 'storage-shrink':
      return refused('operator', 'Strimzi does not shrink volumes: it keeps the current storage and only warns ("contains changes which are not allowed"). Keep the size; for smaller disks, create a new component and mirror the topics (MirrorMaker 2).');
    case 'storage-class':
      return refused('operator', 'Strimzi does not change the class of existing volumes: it keeps the current storage and only warns ("contains changes which are not allowed"). Keep the class; to move, create a new component with it and mirror the topics.');
    case 'storage-grow':
      return safe('Strimzi grows each PersistentVolumeClaim when the storage class allows expansion.');
    case 'scale-up':
      return safe('New brokers join with no partitions until you reassign some to them.');
    // documentation/modules/upgrading/proc-downgrade-kafka-kraft.adoc: no downgrade from the newest metadata version, which is what runs when metadataVersion is not pinned (charts/common never pins it).
    case 'version-downgrade':
      return refused('operator', 'Strimzi cannot downgrade a KRaft cluster that uses its version\'s newest metadata version, which it does here (no `metadataVersion` is pinned). Keep the version; to run an older one, create a new component and mirror the topics.');
    default:
      return rolling(d, 'Strimzi restarts the brokers one at a time, keeping partitions available.');
  }
}

const BY_TYPE: Record<DataType, (d: Detected) => Ruling> = { postgresql, redis, rabbitmq, mongodb, elasticsearch, kafka };

export function rule(type: DataType, d: Detected): Ruling {
  return BY_TYPE[type](d);
}
