/**
 * An app's `secrets` → External Secrets Operator `ExternalSecret`s (charts/common
 * externalsecret.yaml) and the env entries that read the Secrets they make. Only the reference
 * is in git: the operator copies each value from the platform's store into the Secret
 * `<app>-<name>`, and the kubelet reads it from there. Pure.
 */
import type { ApplicationClaim, ApplicationSpec } from '../claims/types.js';
import type { ExternalSecretsSettings } from '../settings/types.js';
import { toDnsLabel } from './names.js';
import type { Values } from './values.js';
import type { EnvEntry } from './wiring.js';

export function secretObjectName(app: string, secret: string): string {
  return `${app}-${secret}`;
}

/** The remote key as the store sees it: the platform's prefix (with the claim's team) first. */
export function remoteKey(claim: ApplicationClaim, settings: ExternalSecretsSettings, key: string): string {
  return settings.keyPrefix.replaceAll('{team}', toDnsLabel(claim.spec.owner.team)) + key;
}

/** `externalSecrets` for the app's values and the env entries that read them; nothing without secrets. */
export function externalSecretValues(claim: ApplicationClaim, app: ApplicationSpec, settings: ExternalSecretsSettings | undefined): { values: Values; env: EnvEntry[] } {
  const secrets = app.secrets ?? [];
  if (secrets.length === 0 || !settings) return { values: {}, env: [] };
  const env: EnvEntry[] = [];
  const objects = secrets.map((secret) => {
    const name = secretObjectName(app.name, secret.name);
    for (const e of secret.env) env.push({ name: e.name, valueFrom: { secretKeyRef: { name, key: e.name } } });
    return {
      name,
      store: { name: settings.store, kind: settings.kind },
      refreshInterval: settings.refreshInterval,
      data: secret.env.map((e) => ({ secretKey: e.name, remoteRef: { key: remoteKey(claim, settings, e.key), ...(e.property === undefined ? {} : { property: e.property }) } })),
    };
  });
  return { values: { externalSecrets: objects }, env };
}
