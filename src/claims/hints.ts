/**
 * The words behind the regular expressions: for each pattern our schemas use, what to write and
 * an example. A schema message names the format in these words, never as regex-speak.
 * test/unit/schema-errors.test.ts fails when a schema gains a pattern without a hint here.
 */

import claimSchema from './application-claim.schema.json' with { type: 'json' };

export interface PatternHint {
  /** What the value must be, as a noun phrase: "a DNS label (lowercase letters, digits, '-')". */
  what: string;
  example: string;
}

const DNS_LABEL: PatternHint = { what: "a DNS label: lowercase letters, digits and '-', starting and ending with a letter or digit", example: 'web-api' };
const DNS_NAME: PatternHint = { what: "a DNS name: lowercase letters, digits, '-' and '.'", example: 'db-credentials' };
const QUANTITY: PatternHint = { what: 'a Kubernetes quantity (a number with an optional unit such as m, Mi, Gi)', example: '250m or 512Mi' };
const STORAGE: PatternHint = { what: 'a size in whole Mi, Gi or Ti', example: '10Gi' };
const IMAGE_TAG: PatternHint = { what: "an image tag: letters, digits, '_', '.' and '-', up to 128 characters, not starting with '.' or '-'", example: '1.4.2' };
const SQL_NAME: PatternHint = { what: "a lowercase SQL identifier: letters, digits and '_', not starting with a digit", example: 'orders' };
const ENV_NAME: PatternHint = { what: "an environment variable name: letters, digits, '_', '.' and '-', not starting with a digit", example: 'DATABASE_URL' };
const RETENTION: PatternHint = { what: 'a retention period: a number followed by d, w or m', example: '30d' };
const DIGEST: PatternHint = { what: 'a sha256 digest: "sha256:" and 64 lowercase hex digits', example: 'sha256:6c3c62…(64 hex digits)' };

export const PATTERN_HINTS: Readonly<Record<string, PatternHint>> = {
  '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$': DNS_LABEL,
  '^([a-z0-9]([-a-z0-9]*[a-z0-9])?)?$': DNS_LABEL,
  '^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$': DNS_NAME,
  '^([a-z0-9]([-a-z0-9]*[a-z0-9])?\\.)*[a-z0-9]([-a-z0-9]*[a-z0-9])?$': { what: "a host name: DNS labels joined by '.'", example: 'shop.example.com' },
  '^([a-z0-9]([-a-z0-9.]*[a-z0-9])?/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$': { what: "a Kubernetes label or annotation key: an optional DNS prefix and '/', then letters, digits, '-', '_' and '.'", example: 'app.kubernetes.io/part-of' },
  '^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$': {
    what: "a Kubernetes label or annotation key: an optional DNS subdomain and '/', then at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit",
    example: 'app.kubernetes.io/part-of',
  },
  '^([^/]{1,253}/)?[^/]{1,63}$': { what: "a Kubernetes label or annotation key: a prefix of at most 253 characters before the '/', a name of at most 63 after it", example: 'example.com/team' },
  '^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$': { what: "a Kubernetes label value: letters, digits, '-', '_' and '.', starting and ending with a letter or digit", example: 'web' },
  '^[+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$': QUANTITY,
  '^([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(m|k|M|G|T|Ki|Mi|Gi|Ti)?$': QUANTITY,
  '^[0-9]+(Mi|Gi|Ti)$': STORAGE,
  '^[1-9][0-9]*[dwm]$': RETENTION,
  '^[a-z0-9_]+$': { what: "a RabbitMQ plugin name: lowercase letters, digits and '_'", example: 'rabbitmq_shovel' },
  '^[1-9][0-9]{0,5}[mg]$': { what: 'a JVM heap size: a number and m or g', example: '2g' },
  '^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$': IMAGE_TAG,
  '^([A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?$': IMAGE_TAG,
  '^sha256:[a-f0-9]{64}$': DIGEST,
  '^[a-z_][a-z0-9_]*$': SQL_NAME,
  '^[a-z_][a-z0-9_.]*$': { what: "a lowercase setting name: letters, digits, '_' and '.'", example: 'shared_buffers' },
  '^[A-Za-z_][A-Za-z0-9_.-]*$': ENV_NAME,
  '^[-._a-zA-Z0-9]+$': { what: "a key: letters, digits, '-', '_' and '.'", example: 'api-key' },
  '^(@(yearly|annually|monthly|weekly|daily|midnight|hourly)|[0-9*/,?A-Za-z-]+( [0-9*/,?A-Za-z-]+){4})$': {
    what: 'a cron schedule: five fields (minute hour day-of-month month day-of-week) or @hourly, @daily, @weekly, @monthly, @yearly',
    example: '"0 3 * * *"',
  },
  '^(@(yearly|annually|monthly|weekly|daily|midnight|hourly)|[0-9*/,?A-Za-z-]+( [0-9*/,?A-Za-z-]+){4,5})$': {
    what: 'a cron schedule: five fields (minute hour day-of-month month day-of-week), or six with seconds first, or @hourly, @daily, @weekly, @monthly, @yearly',
    example: '"0 3 * * *"',
  },
  '^[A-Za-z0-9_][A-Za-z0-9_./-]*$': { what: "a secret store key: letters, digits, '_', '.', '/' and '-'", example: 'shop/stripe' },
  '^[A-Za-z0-9_][A-Za-z0-9_.-]*$': { what: "a property name: letters, digits, '_', '.' and '-'", example: 'api-key' },
  '^([0-9]+(ms|s|m|h))+$': { what: 'a duration such as 1h, 30m or 1h30m', example: '1h' },
  '^(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?$': { what: 'a Prometheus duration: hours, minutes, seconds, milliseconds in that order, such as 30s or 1m30s', example: '30s' },
  '^[A-Za-z0-9_{}./-]*$': { what: "a key prefix: letters, digits, '_', '.', '/', '-' and {team}", example: 'teams/{team}/' },
  '^[a-z][a-z0-9.]*$': { what: "a Kafka topic config name: lowercase letters, digits and '.'", example: 'retention.ms' },
  '^[A-Za-z]+(/[A-Za-z0-9_+-]+)*$': { what: 'an IANA time zone name', example: 'Europe/Berlin' },
  '^/': { what: "a path starting with '/'", example: '/healthz' },
  "^/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*$": { what: "a URL path prefix starting with '/' (no spaces, no '?')", example: '/api' },
  '^/[A-Za-z0-9._/-]*$': { what: "an absolute path: '/' then letters, digits, '.', '_', '-' and '/'", example: '/var/cache/app' },
  '^[0-9]+(Mi|Gi)$': { what: 'a size in whole Mi or Gi', example: '512Mi' },
  '^[A-Za-z0-9:/@._+=,-]+$': { what: "a cloud identity: an ARN, a service-account e-mail or a client ID (letters, digits and :/@._+=,-)", example: 'arn:aws:iam::123456789012:role/shop' },
  '^[A-Za-z0-9-]+$': { what: "an HTTP header name: letters, digits and '-'", example: 'X-Health-Check' },
  '^[A-Za-z0-9_.]*$': { what: "a gRPC service name: letters, digits, '_' and '.'", example: 'grpc.health.v1.Health' },
  '^/[A-Za-z0-9._~!$&\'()*+,;=:@%/?-]*$': { what: "a URL path starting with '/' (no spaces)", example: '/api/health' },
  '^s3://': { what: 'an s3:// URL', example: 's3://backups/orders' },
  '^s3://[a-z0-9][a-z0-9.-]*[a-z0-9](/[A-Za-z0-9._/-]*)?$': { what: 'an s3:// URL: a bucket name and an optional path', example: 's3://backups/orders' },
  '^[0-9]+(\\.[0-9]+){0,2}$': { what: 'a version number: one to three numbers joined by dots, written in quotes', example: '"16" or "7.2"' },
  '^[0-9]{1,6}$': { what: 'a whole number of up to 6 digits, written in quotes', example: '"200"' },
  '^[A-Za-z0-9][A-Za-z0-9 _.-]*$': { what: "a team name: letters, digits, spaces, '_', '.' and '-'", example: 'Ecommerce Team' },
  '^[^@\\s]+@[^@\\s]+$': { what: 'an email address', example: 'team@example.com' },
  '^(?:https://(?:www\\.)?github\\.com/|git@github\\.com:)?[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+?(?:\\.git)?/?$': {
    what: 'a GitHub repository: owner/name, or its https:// or git@github.com: URL',
    example: 'acme/web-frontend',
  },
  '^[a-z0-9]([a-z0-9._:/-]*[a-z0-9])?$': { what: "an image repository in lowercase: registry/owner/name", example: 'ghcr.io/acme/web' },
  '^[a-z0-9]([a-z0-9._/-]*[a-z0-9])?$': { what: "a lowercase path of names joined by '/'", example: 'acme/web' },
  '^[a-z0-9]([a-z0-9._:/-]*[a-z0-9])?(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(@sha256:[a-f0-9]{64})?$': {
    what: 'an image reference in lowercase: repository[:tag][@sha256:digest]',
    example: 'ghcr.io/acme/web:1.4.2',
  },
  '^[A-Za-z0-9][A-Za-z0-9._/-]*$': { what: "a git revision: a branch, tag or commit", example: 'main' },
  '^[a-z0-9.-]+(:[0-9]+)?$': { what: 'a registry host, with an optional port', example: 'ghcr.io' },
  '^[a-z0-9]([a-z0-9._-]*[a-z0-9])?$': { what: "a lowercase name: letters, digits, '.', '_' and '-'", example: 'acme' },
  '^(https://[A-Za-z0-9.-]+|http://(127\\.0\\.0\\.1|localhost))(:[0-9]+)?/[A-Za-z0-9._~/-]+$': {
    what: 'an https:// git URL (plain http:// only for 127.0.0.1 or localhost)',
    example: 'https://github.com/acme/platform.git',
  },
  '^@[A-Za-z0-9]([-A-Za-z0-9]*[A-Za-z0-9])?(/[A-Za-z0-9]([-_.A-Za-z0-9]*[A-Za-z0-9])?)?$': { what: 'a GitHub owner: @org/team or @user', example: '@acme/platform' },
  '^(\\*\\.)?([a-z0-9]([-a-z0-9]*[a-z0-9])?\\.)*[a-z0-9]([-a-z0-9]*[a-z0-9])?$': { what: "a host name, or '*.' and a host name for every name below it", example: '*.shop.example.com' },
  '^[A-Za-z][A-Za-z0-9]*(\\.[A-Za-z][A-Za-z0-9]*)*$': { what: "a values field: names joined by '.'", example: 'service.type' },
  '^https://[^\\s]+$': { what: 'an https:// URL', example: 'https://kubernetes.default.svc' },
  '^oci://[a-z0-9.-]+(:[0-9]+)?(/[a-z0-9._-]+)*$': { what: 'an oci:// registry path in lowercase', example: 'oci://ghcr.io/acme/charts' },
};

/**
 * The closest known word to a misspelt one, when it is close enough to be a likely typo:
 * case-insensitive equality, or an edit distance (with transpositions) of at most 1 for short
 * words and 2 from 6 characters on. Ties go to the first candidate in code-unit order.
 */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  const limit = word.length >= 6 ? 2 : 1;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of [...candidates].sort()) {
    if (candidate === word) continue;
    const d = candidate.toLowerCase() === lower ? 0 : editDistance(lower, candidate.toLowerCase(), limit);
    if (d <= limit && d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** Optimal string alignment distance, giving up (returning limit + 1) once it is over the limit. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      row.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > limit) return limit + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/** The fields a component takes beside `config` (`topics`, `size`, …): written inside config, they are one level too deep. */
const COMPONENT_FIELDS: ReadonlySet<string> = new Set(Object.keys(claimSchema.$defs.component.properties));

/** For an unknown field under `spec.components[i].config` that the component itself takes: where it belongs. */
export function misplacedComponentField(path: readonly (string | number)[], field: string): string | undefined {
  const n = path.length;
  if (n < 4 || path[n - 1] !== 'config' || path[n - 3] !== 'components' || field === 'config' || !COMPONENT_FIELDS.has(field)) return undefined;
  return `"${field}" is a field of the component, beside config: move it up one level (spec.components[${path[n - 2]}].${field})`;
}

/** Kubernetes' own spellings of fields a claim names more shortly: no edit distance finds these. */
const KUBERNETES_SPELLINGS: Readonly<Record<string, string>> = { httpGet: 'http', tcpSocket: 'tcp', containerPort: 'port', httpHeaders: 'headers' };

/** The field a Kubernetes spelling means here, when it is one of `known`. */
export function kubernetesSpelling(field: string, known: readonly string[]): string | undefined {
  const meant = Object.hasOwn(KUBERNETES_SPELLINGS, field) ? KUBERNETES_SPELLINGS[field] : undefined;
  return meant !== undefined && known.includes(meant) ? meant : undefined;
}
