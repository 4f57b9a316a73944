/**
 * Helm values for one component: what charts/common needs to render its operator's custom
 * resource. Pure. Every key written here is read by a template (test/unit/values-contract.test.ts).
 */
import type { ApplicationClaim, ComponentSpec } from '../claims/types.js';
import { backupSchedule, kafkaTopicValues } from './component-extras.js';
import { defaultVersion, resolveComponent } from './component-settings.js';
import { MONGODB_AUTH_DB, MONGODB_USER, mongodbConnectionSecret, mongodbPasswordSecret } from './operator-objects.js';
import type { Profile } from './profiles.js';
import { platformLabels, type Values } from './values.js';

export const POSTGRES_IMAGE = 'ghcr.io/cloudnative-pg/postgresql';
export const DEFAULT_POSTGRES_VERSION = '17';
export const REDIS_IMAGE = 'docker.io/library/redis';
export const DEFAULT_REDIS_VERSION = '7.4';
export const RABBITMQ_IMAGE = 'docker.io/library/rabbitmq';


export function componentValues(claim: ApplicationClaim, component: ComponentSpec, profile: Profile): Values {
  const { settings } = resolveComponent(component, profile);
  const { members, storage, resources } = settings;
  const base: Values = { type: component.type, name: component.name, labels: platformLabels(claim) };
  const config = component.config ?? {};

  switch (component.type) {
    case 'postgresql': {
      const version = component.version ?? DEFAULT_POSTGRES_VERSION;
      const parameters: Record<string, string> = { ...config.parameters };
      if (config.maxConnections && !parameters.max_connections) parameters.max_connections = config.maxConnections;
      const backup: Values = config.backup
        ? {
            enabled: true,
            destinationPath: config.backup.destinationPath,
            retentionPolicy: config.backup.retentionPolicy ?? '30d',
            inheritFromIAMRole: config.backup.inheritFromIAMRole ?? true,
            ...(config.backup.schedule === undefined ? {} : { schedule: backupSchedule(config.backup.schedule) }),
          }
        : { enabled: false };
      return {
        ...base,
        postgresql: {
          instances: members,
          imageName: `${POSTGRES_IMAGE}:${version}`,
          storage,
          resources,
          database: config.database ?? 'app',
          owner: config.owner ?? 'app',
          parameters,
          monitoring: config.monitoring ?? false,
          backup,
        },
      };
    }
    case 'redis': {
      const version = component.version ?? DEFAULT_REDIS_VERSION;
      return {
        ...base,
        redis: {
          image: { repository: REDIS_IMAGE, tag: version },
          // Off: no volume, so no size (a size here would read as a volume that is not there).
          persistence: config.persistence === false ? { enabled: false } : { enabled: true, ...storage },
          auth: config.auth ? { enabled: true, existingSecret: config.auth.existingSecret, key: config.auth.key ?? 'password' } : { enabled: false },
          maxmemoryPolicy: config.maxmemoryPolicy ?? 'noeviction',
          resources,
        },
      };
    }
    case 'rabbitmq': {
      const rabbitmq: Values = { replicas: members, storage, resources, plugins: settings.plugins };
      // Without a version the operator's own default image runs (it knows which it supports).
      if (component.version) rabbitmq.image = `${RABBITMQ_IMAGE}:${component.version}-management`;
      return { ...base, rabbitmq };
    }
    case 'mongodb': {
      // The password Secret is referenced, never written: see README "MongoDB password".
      const auth = config.auth;
      return {
        ...base,
        mongodb: {
          members,
          version: component.version ?? defaultVersion('mongodb'),
          storage,
          resources,
          database: config.database ?? 'app',
          user: { name: MONGODB_USER, db: MONGODB_AUTH_DB, connectionSecret: mongodbConnectionSecret(component.name) },
          passwordSecret: { name: auth?.existingSecret ?? mongodbPasswordSecret(component.name), key: auth?.key ?? 'password' },
        },
      };
    }
    case 'elasticsearch': {
      const elasticsearch: Values = { version: component.version ?? defaultVersion('elasticsearch'), count: members, storage, resources };
      if (settings.heap) elasticsearch.heap = settings.heap;
      return { ...base, elasticsearch };
    }
    case 'kafka': {
      const kafka: Values = { brokers: members, storage, resources };
      if (component.version) kafka.version = component.version;
      const topics = kafkaTopicValues(component);
      if (topics.length) kafka.topics = topics;
      return { ...base, kafka };
    }
  }
}
