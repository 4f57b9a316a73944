/** gitleaks' rules as src/tenancy/credentials applies them: what they find and what they let pass. */
import { describe, expect, it } from 'vitest';
import { credentialIn } from '../../src/tenancy/credentials/claim-strings.js';
import { credentialRules, shannonEntropy } from '../../src/tenancy/credentials/rules.js';
import { ENV_NAME_OF, FAKE_CREDENTIALS } from '../support/fake-credentials.js';

describe('credentials', () => {
  it('compiles every ported rule (the JavaScript port of each Go regex is valid)', () => {
    expect(credentialRules().map((r) => r.id)).toEqual(expect.arrayContaining(['aws-access-token', 'github-pat', 'gitlab-pat', 'slack-bot-token', 'private-key', 'jwt', 'generic-api-key']));
  });

  /** The gitleaks rule id each kind belongs to, from gitleaks' config. */
  const RULE: Record<string, string> = {
    'AWS access key id': 'gitleaks rule aws-access-token',
    'GitHub personal access token': 'gitleaks rule github-pat',
    'GitHub fine-grained token': 'gitleaks rule github-fine-grained-pat',
    'GitHub Actions token': 'gitleaks rule github-app-token',
    'GitLab personal access token': 'gitleaks rule gitlab-pat',
    'npm token': 'gitleaks rule npm-access-token',
    'Slack bot token': 'gitleaks rule slack-bot-token',
    'Slack webhook': 'gitleaks rule slack-webhook-url',
    'Stripe secret key': 'gitleaks rule stripe-access-token',
    JWT: 'gitleaks rule jwt',
    'private key': 'gitleaks rule private-key',
    'URL with a password': 'a URL with a password',
    'generic password': 'gitleaks rule generic-api-key',
  };

  it.each(Object.entries(FAKE_CREDENTIALS))('finds a %s by its rule', (name, value) => {
    expect(credentialIn(ENV_NAME_OF[name] ?? 'SOME_SETTING', value)).toBe(RULE[name]);
  });

  it('finds a generic password only next to a name that says so (the dotenv line NAME=value)', () => {
    expect(credentialIn(undefined, FAKE_CREDENTIALS['generic password']!)).toBeUndefined();
    expect(credentialIn('DB_PASSWORD', FAKE_CREDENTIALS['generic password']!)).toBe('gitleaks rule generic-api-key');
  });

  it.each([
    ['NODE_ENV', 'development'],
    ['FEATURE_CHECKOUT', 'on'],
    ['API_BASE_URL', 'https://api.example.com/v1'],
    ['DATABASE_URL', 'postgres://app:$(DB_PASSWORD)@db:5432/app'],
    ['existingSecret', 'orders-db-credentials'],
    ['LOG_LEVEL', 'info'],
    // gitleaks' own allowlist: AWS's documentation key ends in EXAMPLE.
    ['AWS_ACCESS_KEY_ID', 'AKIAIOSFODNN7EXAMPLE'],
    // Under the generic rule's entropy threshold (3.5 bits per character): a word is not a key.
    ['PASSWORD_POLICY', 'aaaaaaaaaaaa'],
  ])('lets %s=%s pass', (name, value) => {
    expect(credentialIn(name, value)).toBeUndefined();
  });

  it('measures entropy as gitleaks does', () => {
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abcd')).toBe(2);
    expect(shannonEntropy('')).toBe(0);
  });
});
