/** Kubernetes naming rules, in one place. */

export const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
export const MAX_DNS_LABEL = 63;
/** Helm release names (and so `<claim>-<name>`) are limited to 53 characters. */
export const MAX_RELEASE_NAME = 53;

export function isDnsLabel(s: string): boolean {
  return s.length <= MAX_DNS_LABEL && DNS_LABEL.test(s);
}

const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/**
 * A label or annotation key as the API server checks it (IsQualifiedName): an optional DNS
 * subdomain prefix of at most 253 characters and `/`, then a name of at most 63.
 */
export function isQualifiedName(key: string): boolean {
  const slash = key.indexOf('/');
  const prefix = slash < 0 ? undefined : key.slice(0, slash);
  const name = slash < 0 ? key : key.slice(slash + 1);
  if (prefix !== undefined && (prefix.length === 0 || prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix))) return false;
  return name.length >= 1 && name.length <= MAX_DNS_LABEL && LABEL_NAME.test(name);
}

/** A label value as the API server checks it (IsValidLabelValue): empty, or at most 63 characters. */
export function isLabelValue(value: string): boolean {
  return value.length <= MAX_DNS_LABEL && LABEL_VALUE.test(value);
}

/**
 * "Ecommerce Team" → "ecommerce-team": lowercase, runs of anything else become one '-',
 * cut to `max` characters and never left ending (or starting) with '-'.
 */
export function toDnsLabel(text: string, max = MAX_DNS_LABEL): string {
  const label = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, max)
    .replace(/-+$/, '');
  return label;
}

export function releaseName(claim: string, unit: string): string {
  return `${claim}-${unit}`;
}

export function defaultNamespace(team: string, env: string): string {
  return `${toDnsLabel(team, MAX_DNS_LABEL - env.length - 1)}-${env}`;
}
