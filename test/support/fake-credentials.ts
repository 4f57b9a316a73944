/**
 * Credential-shaped strings for tests, made at run time from a seeded generator: the formats the
 * vendors document (prefixes, lengths, alphabets), with random bodies, so that no token-like
 * literal sits in this repository for a secret scanner to trip over.
 */
const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomText(seed: number, length: number, alphabet = BASE62): string {
  let x = seed >>> 0 || 1;
  let out = '';
  for (let i = 0; i < length; i++) {
    // xorshift32: the same string on every machine.
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out += alphabet[x % alphabet.length];
  }
  return out;
}

const digits = (seed: number, n: number) => randomText(seed, n, '0123456789');
const b64url = (text: string) => Buffer.from(text).toString('base64url');

/** name → a credential of that kind, in the shape its issuer documents. */
export const FAKE_CREDENTIALS: Record<string, string> = {
  'AWS access key id': `AKIA${randomText(1, 16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`,
  'GitHub personal access token': `ghp_${randomText(2, 36)}`,
  'GitHub fine-grained token': `github_pat_${randomText(3, 82)}`,
  'GitHub Actions token': `ghs_${randomText(4, 36)}`,
  'GitLab personal access token': `glpat-${randomText(5, 20)}`,
  'npm token': `npm_${randomText(6, 36, 'abcdefghijklmnopqrstuvwxyz0123456789')}`,
  'Slack bot token': `xoxb-${digits(7, 12)}-${digits(8, 12)}-${randomText(9, 24)}`,
  'Slack webhook': `https://hooks.slack.com/services/${randomText(10, 44)}`,
  'Stripe secret key': `sk_live_${randomText(11, 24)}`,
  JWT: `${b64url('{"alg":"HS256","typ":"JWT"}')}.${b64url('{"sub":"1234567890","name":"someone"}')}.${randomText(12, 43)}`,
  'private key': `-----BEGIN RSA PRIVATE KEY-----\n${randomText(13, 64)}\n${randomText(14, 64)}\n-----END RSA PRIVATE KEY-----`,
  'URL with a password': `postgres://app:${randomText(15, 12)}@db.internal:5432/app`,
  'generic password': randomText(16, 20),
};

/** The env variable each one would hide in. */
export const ENV_NAME_OF: Record<string, string> = { 'generic password': 'DB_PASSWORD' };
