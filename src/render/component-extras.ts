/**
 * What a component brings beside its operator's main resource: a kafka component's topics
 * (Strimzi KafkaTopic) and a postgresql component's backup schedule (CloudNativePG
 * ScheduledBackup). The values for charts/common's kafka-topics.yaml and
 * postgresql-scheduledbackup.yaml, and every way the claim asks for one the operator would refuse. Pure.
 */
import type { FieldPath } from '../claims/source.js';
import type { ComponentSpec } from '../claims/types.js';
import type { ComponentIssue } from './component-settings.js';

export interface KafkaTopicValues {
  /** The KafkaTopic object: `<component>-<topic>`, so two clusters in a namespace never share one. */
  name: string;
  topicName: string;
  partitions?: number;
  replicas?: number;
  config?: Record<string, string>;
}

export function kafkaTopicValues(component: ComponentSpec): KafkaTopicValues[] {
  return (component.topics ?? [])
    .filter((t) => t.enabled !== false)
    .map((t) => {
      const v: KafkaTopicValues = { name: `${component.name}-${t.name}`, topicName: t.name };
      if (t.partitions !== undefined) v.partitions = t.partitions;
      if (t.replicas !== undefined) v.replicas = t.replicas;
      // As text: Kafka reads every topic config as a string, and Helm would print a large number as 6.048e+08.
      if (t.config !== undefined) v.config = Object.fromEntries(Object.entries(t.config).map(([k, value]) => [k, String(value)]));
      return v;
    });
}

/** Topics a cluster of `brokers` members cannot hold, and a topic named twice. */
export function kafkaTopicIssues(component: ComponentSpec, brokers: number): ComponentIssue[] {
  const issues: ComponentIssue[] = [];
  const seen = new Map<string, number>();
  (component.topics ?? []).forEach((t, i) => {
    const at = (field: string): FieldPath => ['topics', i, field];
    const before = seen.get(t.name);
    if (before !== undefined) issues.push({ path: at('name'), code: 'duplicate-topic', message: `topic "${t.name}" is already declared (topics[${before}])` });
    else seen.set(t.name, i);
    if (t.replicas !== undefined && t.replicas > brokers) {
      issues.push({ path: at('replicas'), code: 'topic-replicas', message: `topic "${t.name}" asks for ${t.replicas} replicas, but the cluster has ${brokers} broker${brokers === 1 ? '' : 's'} in this environment: Strimzi would refuse the topic` });
    }
  });
  return issues;
}

/**
 * CloudNativePG reads a schedule with a seconds field first; a five-field cron (as everywhere
 * else in Kubernetes) runs at second 0.
 */
export function backupSchedule(schedule: string): string {
  return schedule.startsWith('@') || schedule.split(' ').length === 6 ? schedule : `0 ${schedule}`;
}
