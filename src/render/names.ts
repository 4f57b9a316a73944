/** Kubernetes naming rules, in one place. */

export const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
export const MAX_DNS_LABEL = 63;
/** Helm release names (and so `<claim>-<name>`) are limited to 53 characters. */
export const MAX_RELEASE_NAME = 53;

export function isDnsLabel(s: string): boolean {
  return s.length <= MAX_DNS_LABEL && DNS_LABEL.test(s);
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
